import type { LedgerTransaction } from '../core/rows';
import { effectiveRows } from './effective-rows';

/**
 * Per split parent: its amount minus the sum of its live children ("X left to assign"). Shown,
 * never fixed silently; 0 means the split is balanced.
 */
export function splitRemainders(transactions: readonly LedgerTransaction[]): Map<string, number> {
  const remainders = new Map<string, number>();
  const entries = effectiveRows(transactions);
  for (const entry of entries) {
    if (entry.kind === 'split-parent') remainders.set(entry.row.id, entry.amountMinor);
  }
  for (const entry of entries) {
    if (entry.kind !== 'split-child' || entry.parentId === null) continue;
    const remainder = remainders.get(entry.parentId) ?? 0;
    remainders.set(entry.parentId, remainder - entry.amountMinor);
  }
  return remainders;
}
