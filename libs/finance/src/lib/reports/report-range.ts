import { addMonths, assertMonth, isMonth, monthCount, nextMonth } from '../core/month';

/** The longest range a report covers (FINANCE §4). */
export const MAX_REPORT_MONTHS = 120;
/** Without `from`, a report covers this many months ending with `to`. */
export const DEFAULT_REPORT_MONTHS = 12;

/** The months a report covers, both ends included, as `YYYY-MM`. */
export interface ReportRange {
  readonly from: string;
  readonly to: string;
}

export interface ReportRangeIssue {
  readonly path: 'from' | 'to';
  readonly message: string;
}

/**
 * A month range a report refuses: malformed, reversed or too long. A `RangeError`, like every
 * bad month in this library, carrying each problem by parameter so an API can name them all.
 */
export class ReportRangeError extends RangeError {
  constructor(readonly issues: readonly ReportRangeIssue[]) {
    super(issues.map((issue) => `${issue.path} ${issue.message}`).join('; '));
    this.name = 'ReportRangeError';
  }
}

/**
 * The range of a report request (FINANCE §4). `to` defaults to the current month and `from` to
 * the twelve months ending with `to`; an empty value counts as absent. Throws a
 * `ReportRangeError` for a value that is not one `YYYY-MM` month, `to` before `from`, or more than
 * 120 months. Query strings may carry a parameter twice or as an object, hence `unknown`.
 */
export function reportRange(
  query: { readonly from?: unknown; readonly to?: unknown },
  currentMonth: string,
): ReportRange {
  assertMonth(currentMonth);
  const issues: ReportRangeIssue[] = [];
  const read = (path: 'from' | 'to'): string | undefined => {
    const value = query[path];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string' && isMonth(value)) return value;
    const shown = typeof value === 'string' ? ` (got ${value.slice(0, 20)})` : '';
    issues.push({ path, message: `must be one month YYYY-MM${shown}` });
    return undefined;
  };
  const givenFrom = read('from');
  const givenTo = read('to');
  if (issues.length > 0) throw new ReportRangeError(issues);
  const to = givenTo ?? currentMonth;
  const from = givenFrom ?? addMonths(to, 1 - DEFAULT_REPORT_MONTHS);
  checkReportRange(from, to);
  return { from, to };
}

/** Throws a `ReportRangeError` unless `from`..`to` is a range a report may cover. */
export function checkReportRange(from: string, to: string): void {
  const issues: ReportRangeIssue[] = [];
  if (!isMonth(from)) issues.push({ path: 'from', message: 'must be one month YYYY-MM' });
  if (!isMonth(to)) issues.push({ path: 'to', message: 'must be one month YYYY-MM' });
  if (issues.length === 0) {
    const count = monthCount(from, to);
    if (count < 1) {
      issues.push({ path: 'from', message: `must not be after to (${to})` });
    } else if (count > MAX_REPORT_MONTHS) {
      issues.push({
        path: 'from',
        message: `is too early: a report covers at most ${MAX_REPORT_MONTHS} months (${from}..${to} is ${count})`,
      });
    }
  }
  if (issues.length > 0) throw new ReportRangeError(issues);
}

/** Every month of a range, in order. */
export function reportMonths(from: string, to: string): string[] {
  checkReportRange(from, to);
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}
