import {
  DEFAULT_REPORT_MONTHS,
  MAX_REPORT_MONTHS,
  monthCount,
  type ReportRange,
} from '@finwise/finance';
import { addMonths, isMonth } from '../shared/dates/month';

/** What the range fields say: a range to show, or why not, per field. */
export type MonthRangeReading =
  | { readonly ok: true; readonly range: ReportRange }
  | { readonly ok: false; readonly errors: { readonly from?: string; readonly to?: string } };

export interface MonthRangePreset {
  readonly label: string;
  readonly range: ReportRange;
}

/** The twelve months ending with this one: what a report shows first (FINANCE §4). */
export function defaultRange(currentMonth: string): ReportRange {
  return { from: addMonths(currentMonth, 1 - DEFAULT_REPORT_MONTHS), to: currentMonth };
}

/**
 * Checks a typed range as the report endpoints do (one `YYYY-MM` month each, `from` not after
 * `to`, at most 120 months) and says what is wrong in words, next to the field concerned.
 */
export function readMonthRange(from: string, to: string): MonthRangeReading {
  const errors: { from?: string; to?: string } = {};
  if (!isMonth(from)) errors.from = monthProblem(from);
  if (!isMonth(to)) errors.to = monthProblem(to);
  if (errors.from || errors.to) return { ok: false, errors };
  const count = monthCount(from, to);
  if (count < 1) {
    return { ok: false, errors: { to: 'The last month must not be before the first.' } };
  }
  if (count > MAX_REPORT_MONTHS) {
    return {
      ok: false,
      errors: {
        from: `A report covers at most ${MAX_REPORT_MONTHS} months; this range has ${count}.`,
      },
    };
  }
  return { ok: true, range: { from, to } };
}

/** Ranges one click away: the last twelve months, this year, last year. */
export function monthRangePresets(currentMonth: string): MonthRangePreset[] {
  const year = Number(currentMonth.slice(0, 4));
  return [
    { label: 'Last 12 months', range: defaultRange(currentMonth) },
    { label: 'This year', range: { from: `${year}-01`, to: currentMonth } },
    {
      label: 'Last year',
      range: { from: `${year - 1}-01`, to: `${year - 1}-12` },
    },
  ];
}

function monthProblem(value: string): string {
  return value.trim() === '' ? 'Enter a month.' : 'Enter a month as YYYY-MM, e.g. 2026-01.';
}
