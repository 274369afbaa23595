import { applyMutation, type AnyRecord } from '@finwise/sync-protocol';
import type { OutboxEntry } from '../outbox/outbox-entry';
import { withTenant } from './tenant-row';

/**
 * Replays pending local mutations (in outbox order) on top of a server version of a row.
 * Used when the server rejects one of them: the rejected change disappears, the others stay
 * visible exactly as the server will apply them later (same function, same order).
 * Returns undefined when nothing is left of the row; a row rebuilt from nothing gets `tenantId`.
 */
export function rebuildRow(
  base: AnyRecord | undefined,
  pending: readonly OutboxEntry[],
  fieldNames: readonly string[],
  tenantId: string,
): AnyRecord | undefined {
  let row = base;
  for (const entry of pending) {
    const { operation, data, hlc } = entry.mutation;
    const outcome = applyMutation(row, { operation, data, hlc }, fieldNames, {
      updateMayCreate: entry.complete,
    });
    if (outcome.status === 'applied') row = outcome.record;
  }
  return row && withTenant(row, tenantId);
}
