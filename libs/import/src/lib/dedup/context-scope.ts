import { importedTransactionId } from '../ids/imported-transaction-id';
import { isUsableLine, syntheticImportedIds } from '../ids/synthetic-imported-ids';
import type { StatementLine } from '../model/statement';
import type { ExistingTransaction } from './existing-transaction';
import { FUZZY_MATCH_DAYS } from './fuzzy-candidates';

/**
 * The transaction rows that can decide a statement's lines, so whoever builds an `ImportContext`
 * for an account with years of history reads a few thousand rows instead of all of them. A
 * context holding every row of this scope gets the same plan as one holding every row of the
 * household (the scope's property test checks that):
 *
 * - `rowIds`: the ids the lines' rows would have (`importedRowIds`), deleted ones too, which is
 *   how a tombstone (it keeps no fields) stops a re-import;
 * - `importedIds`: a row of the account carrying one of these `importedId`s, or a transfer into it
 *   carrying one as `transferImportedId`: a line matched earlier (only a row whose date was
 *   edited since lies outside the window below, but such a row still makes the line a duplicate);
 * - `from`…`to`: live rows of the account or transferring into it dated within
 *   `FUZZY_MATCH_DAYS` of the lines' first and last day, the only rows a line can fuzzily match.
 *   Null when no line is readable;
 * - and live split lines of other accounts transferring into this one, with their parents: a
 *   line's date is its parent's, so its own stored date cannot place it in the window.
 */
export interface ImportContextScope {
  readonly rowIds: string[];
  readonly importedIds: string[];
  readonly dates: { readonly from: string; readonly to: string } | null;
}

export function importContextScope(
  accountId: string,
  lines: readonly StatementLine[],
): ImportContextScope {
  const importedIds = [
    ...new Set(syntheticImportedIds(accountId, lines).filter((id) => id !== undefined)),
  ];
  const days = lines.filter(isUsableLine).map((line) => line.date);
  let first: string | undefined;
  let last: string | undefined;
  for (const day of days) {
    if (first === undefined || day < first) first = day;
    if (last === undefined || day > last) last = day;
  }
  return {
    rowIds: importedIds.map((importedId) => importedTransactionId(accountId, importedId)),
    importedIds,
    dates:
      first === undefined || last === undefined
        ? null
        : { from: shiftDays(first, -FUZZY_MATCH_DAYS), to: shiftDays(last, FUZZY_MATCH_DAYS) },
  };
}

/**
 * Whether `row` is in the scope: the filter a reader applies to the rows it holds in memory
 * (`rows`, all of them, to find the parents of split lines transferring into the account).
 */
export function inImportContextScope(
  scope: ImportContextScope,
  accountId: string,
  rows: readonly ExistingTransaction[] = [],
): (row: ExistingTransaction) => boolean {
  const rowIds = new Set(scope.rowIds);
  const importedIds = new Set(scope.importedIds);
  const { dates } = scope;
  const isSplitLeg = (row: ExistingTransaction) =>
    !row.deletedAt && !!row.parentId && row.transferAccountId === accountId;
  const legParents = new Set(rows.flatMap((row) => (isSplitLeg(row) ? [row.parentId] : [])));
  return (row) => {
    if (rowIds.has(row.id) || legParents.has(row.id) || isSplitLeg(row)) return true;
    const own = row.accountId === accountId;
    const far = !own && row.transferAccountId === accountId;
    if (own && row.importedId && importedIds.has(row.importedId)) return true;
    if (far && row.transferImportedId && importedIds.has(row.transferImportedId)) return true;
    return (
      (own || far) &&
      !row.deletedAt &&
      dates !== null &&
      row.date !== null &&
      row.date >= dates.from &&
      row.date <= dates.to
    );
  };
}

function shiftDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map((part) => Number.parseInt(part, 10));
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
