import type { Account, Transaction } from '@finwise/domain';
import { effectiveRows, indexLiveAccounts } from '@finwise/finance';
import type { RowChange } from '../sync-client/row-changes';
import {
  compareLedgerLines,
  ledgerLines,
  type LedgerLine,
  type TransactionIndex,
} from './transaction-index';

/**
 * The index after `changes` to the transactions it was built from, with the accounts
 * unchanged: each changed row's lines are taken out of their registers and its new lines put
 * in at their place, so an edit costs one walk of the registers it touches instead of a
 * re-index and sort of every row (70–90 ms per edit at 20,000 rows, see
 * bench/README.md, scenario 10). Null when a change involves a split (a parent's edit moves its
 * lines, and the remainders change): the caller then indexes afresh.
 */
export function updateTransactionIndex(
  previous: TransactionIndex,
  changes: readonly RowChange<Transaction>[],
  accounts: readonly Account[],
): TransactionIndex | null {
  const touchesSplit = (row: Transaction | undefined) =>
    row !== undefined && (!!row.parentId || previous.parentIds.has(row.id));
  if (changes.some(({ before, after }) => touchesSplit(before) || touchesSplit(after))) {
    return null;
  }

  const liveAccounts = indexLiveAccounts(accounts);
  const removed = new Map<string, Set<Transaction>>();
  const added = new Map<string, LedgerLine[]>();
  for (const { before, after } of changes) {
    for (const { accountId } of linesOf(before, liveAccounts)) {
      const rows = removed.get(accountId) ?? new Set();
      removed.set(accountId, rows.add(before as Transaction));
    }
    for (const { accountId, line } of linesOf(after, liveAccounts)) {
      const lines = added.get(accountId) ?? [];
      added.set(accountId, lines);
      lines.push(line);
    }
  }

  // Lists already handed out stay as they were: each touched register is built anew in one
  // pass, its remaining lines merged with its new ones (a page of a thousand rows during the
  // first sync costs one walk, not a thousand splices).
  const byAccount = new Map(previous.byAccount);
  for (const accountId of new Set([...removed.keys(), ...added.keys()])) {
    const gone = removed.get(accountId);
    const kept = (previous.byAccount.get(accountId) ?? []).filter(
      (line) => !gone?.has(line.transaction),
    );
    const lines = mergedLines(kept, (added.get(accountId) ?? []).sort(compareLedgerLines));
    if (lines.length > 0) byAccount.set(accountId, lines);
    else byAccount.delete(accountId);
  }
  return { ...previous, byAccount };
}

/** Two registers' lines as one, both already in register order. */
function mergedLines(a: readonly LedgerLine[], b: readonly LedgerLine[]): LedgerLine[] {
  if (b.length === 0) return a.slice();
  const result: LedgerLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    result.push(compareLedgerLines(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  }
  while (i < a.length) result.push(a[i++]);
  while (j < b.length) result.push(b[j++]);
  return result;
}

/** A row's lines as a full index would hold them (the row is neither a split parent nor a line). */
function linesOf(
  row: Transaction | undefined,
  accounts: ReturnType<typeof indexLiveAccounts>,
): ReturnType<typeof ledgerLines> {
  if (!row) return [];
  return effectiveRows([row]).flatMap((entry) => ledgerLines(entry, accounts));
}
