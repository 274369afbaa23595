import { compareHlc, EARLIEST_HLC_MS, parseHlc, type MutationResult } from '@finwise/sync-protocol';
import type { OverwrittenChange } from '../../public-types';
import type { OutboxEntry } from '../../outbox/outbox-entry';

/**
 * This device's changes that the server's per-field last-writer-wins did not keep: a field of
 * an accepted (`applied` or `stale`) update or create whose clock on the returned record is
 * newer than anything this batch sent for it — a newer change from another device had arrived
 * first. Deleted rows are left out (a delete wins over every update by rule, and there is no
 * row to show), and so are seeds stamped with the earliest HLC, which are meant to lose.
 */
export function overwrittenChanges(
  accepted: readonly { entry: OutboxEntry; result: MutationResult }[],
  at: string,
): OverwrittenChange[] {
  // The same field sent twice in one batch: only the newest clock can still be on the row.
  const newestSent = new Map<string, string>();
  for (const { entry } of accepted) {
    for (const field of sentFields(entry)) {
      const key = `${entry.rowKey}#${field}`;
      const sent = newestSent.get(key);
      if (!sent || compareHlc(entry.mutation.hlc, sent) > 0)
        newestSent.set(key, entry.mutation.hlc);
    }
  }
  const changes: OverwrittenChange[] = [];
  for (const { entry, result } of accepted) {
    const { mutation } = entry;
    const record = result.record;
    if (mutation.operation === 'delete' || !record || record.deletedAt) continue;
    if (parseHlc(mutation.hlc)?.ms === EARLIEST_HLC_MS) continue;
    const fields = sentFields(entry).filter((field) => {
      const clock = record.fieldClocks[field];
      const sent = newestSent.get(`${entry.rowKey}#${field}`) ?? mutation.hlc;
      return clock !== undefined && compareHlc(clock, sent) > 0;
    });
    if (fields.length === 0) continue;
    changes.push({
      mutationId: mutation.mutationId,
      modelName: mutation.modelName,
      id: mutation.data.id,
      fields,
      at,
    });
  }
  return changes;
}

function sentFields(entry: OutboxEntry): string[] {
  return Object.keys(entry.mutation.data).filter((field) => field !== 'id');
}
