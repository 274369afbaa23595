import type { Transaction } from '@finwise/domain';
import type { RowChange } from '../sync-client/row-changes';
import { isNewer, suggestionsOf, type PayeeIndex, type PayeeSummary } from './payee-index';

/**
 * The index after `changes` to the transactions it counted, with the payees unchanged: each
 * changed row moves one use between payees, so an edit no longer walks every transaction
 * (15 ms per edit at 20,000 rows, see bench/README.md, scenario 10). Null when a payee's newest
 * categorised row changed in a way only a fresh count can settle (it moved away, or back in
 * time); the caller then indexes afresh.
 */
export function updatePayeeIndex(
  previous: PayeeIndex,
  changes: readonly RowChange<Transaction>[],
): PayeeIndex | null {
  const uses = new Map<string, number>();
  const newest = new Map(previous.newest);
  const summaryOf = (row: Transaction | undefined) =>
    row?.payeeId ? previous.byId.get(previous.resolve(row.payeeId)) : undefined;

  for (const { before, after } of changes) {
    const from = summaryOf(before);
    const to = summaryOf(after);
    if (from) uses.set(from.payee.id, (uses.get(from.payee.id) ?? 0) - 1);
    if (to) uses.set(to.payee.id, (uses.get(to.payee.id) ?? 0) + 1);
    if (from && newest.get(from.payee.id) === before) {
      // Still the newest only if it stayed with the payee, kept a category and did not go back.
      const stays =
        to === from && !!after?.categoryId && !isNewer(before as Transaction, after as Transaction);
      if (!stays) return null;
      newest.set(from.payee.id, after as Transaction);
    } else if (to && after?.categoryId) {
      const current = newest.get(to.payee.id);
      if (!current || isNewer(after, current)) newest.set(to.payee.id, after);
    }
  }

  // New summaries for the payees whose numbers moved; the others are shared.
  const byId = new Map(previous.byId);
  const replaced = new Map<PayeeSummary, PayeeSummary>();
  for (const [id, summary] of previous.byId) {
    const useCount = summary.useCount + (uses.get(id) ?? 0);
    const lastCategoryId = newest.get(id)?.categoryId ?? null;
    if (useCount === summary.useCount && lastCategoryId === summary.lastCategoryId) continue;
    const next = { ...summary, useCount, lastCategoryId };
    byId.set(id, next);
    replaced.set(summary, next);
  }
  if (replaced.size === 0) return { ...previous, newest };
  const merged = previous.merged.map((entry) => {
    const into = entry.into && replaced.get(entry.into);
    return into ? { ...entry, into } : entry;
  });
  return { ...previous, byId, suggestions: suggestionsOf(byId), merged, newest };
}
