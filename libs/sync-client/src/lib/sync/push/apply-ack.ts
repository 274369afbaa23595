import { findEntity } from '@finwise/domain';
import { type AnyRecord, type MutationResult, type PushAck } from '@finwise/sync-protocol';
import type { OverwrittenChange, Rejection } from '../../public-types';
import type { LocalDatabase } from '../../database/local-database';
import { appendOverwritten, appendRejections, readMeta, writeMeta } from '../../database/meta';
import { measuredOffset, type RequestTiming } from '../../database/clock-offset';
import type { PersistedClock } from '../../database/persisted-clock';
import { rebuildRow } from '../../local/row-rebuild';
import { countOutbox, readOutboxForRow, removeFromOutbox } from '../../outbox/outbox';
import type { OutboxEntry } from '../../outbox/outbox-entry';
import { mergeServerRecord } from '../../local/merge-server-record';
import { overwrittenChanges } from './overwritten-changes';
import { mayRestamp, restamp } from './restamp';

export interface AckOutcome {
  /** The stored cursor was the ack's `fromCursor` and moved to its `cursor`; else a pull is due. */
  cursorAdvanced: boolean;
  /** Rejections reported by this ack. */
  rejections: Rejection[];
  /** All stored rejections after this ack (newest last). */
  allRejections: Rejection[];
  /** All stored notices of overwritten changes after this ack (newest last). */
  allOverwritten: OverwrittenChange[];
  pendingCount: number;
  pendingReadSeq: number;
}

interface RowResults {
  modelName: string;
  id: string;
  records: AnyRecord[];
  /** A mutation of the row was rejected or re-stamped: rebuild it from the server's version. */
  rebuild: boolean;
}

/**
 * Applies a push ack in one transaction: removes exactly the acknowledged outbox entries,
 * merges every returned record, rolls rejected rows back (rebuilt from the server's record,
 * or removed when there is none, with the client's other pending mutations re-applied),
 * records the rejections and advances the cursor when no one else's change lies in between.
 * A mutation refused only because the device clock ran ahead (`clock_skew`) is not rejected:
 * the clock learns the server's time, and the mutation is re-stamped and stays queued.
 */
export async function applyAck(
  db: LocalDatabase,
  clock: PersistedClock,
  batch: readonly OutboxEntry[],
  ack: PushAck,
  beginPendingRead: () => number = () => 0,
  now: () => Date = () => new Date(),
  /** The device clock around the push, to measure the offset to the ack's `serverTime`. */
  timing?: RequestTiming,
): Promise<AckOutcome> {
  const results = new Map<string, MutationResult>(ack.results.map((r) => [r.mutationId, r]));
  return db.transaction('rw', db.syncTables(), async () => {
    const sample = { serverTime: ack.serverTime, ...(timing ?? clock.instant()) };
    const serverTimeKnown = measuredOffset(sample) !== null;
    if (serverTimeKnown) await clock.learnServerTime(db, sample);

    const acked = batch.filter((entry) => results.has(entry.mutation.mutationId));
    const resultOf = (entry: OutboxEntry) =>
      results.get(entry.mutation.mutationId) as MutationResult;
    const skewed = acked.filter((entry) => mayRestamp(entry, resultOf(entry), serverTimeKnown));
    await removeFromOutbox(
      db.outbox,
      acked.filter((entry) => !skewed.includes(entry)),
    );
    await restamp(
      db,
      clock,
      skewed.map((entry) => ({ entry, result: resultOf(entry) })),
    );

    const rows = new Map<string, RowResults>();
    const rejections: Rejection[] = [];
    for (const entry of acked) {
      const { mutation } = entry;
      const result = resultOf(entry);
      const row = rows.get(entry.rowKey) ?? {
        modelName: mutation.modelName,
        id: mutation.data.id,
        records: [],
        rebuild: false,
      };
      if (result.record) row.records.push(result.record);
      if (skewed.includes(entry)) {
        row.rebuild = true;
      } else if (result.status === 'rejected') {
        row.rebuild = true;
        rejections.push({
          mutationId: mutation.mutationId,
          modelName: mutation.modelName,
          id: mutation.data.id,
          operation: mutation.operation,
          code: result.error?.code ?? 'rejected',
          message: result.error?.message ?? 'the server rejected this change',
          at: now().toISOString(),
        });
      }
      rows.set(entry.rowKey, row);
    }

    for (const [key, row] of rows) {
      const entity = findEntity(row.modelName);
      if (!entity) continue;
      const table = db.rows(row.modelName);
      if (row.rebuild) {
        // The join of the returned versions is the server's row as of this batch.
        const server = row.records.reduce<AnyRecord | undefined>(
          (acc, r) => mergeServerRecord(acc, r, entity.fieldNames),
          undefined,
        );
        const pending = await readOutboxForRow(db.outbox, key);
        const rebuilt = rebuildRow(server, pending, entity.fieldNames, db.tenantId);
        if (rebuilt) await table.put(rebuilt);
        else await table.delete(row.id);
      } else if (row.records.length > 0) {
        const merged = row.records.reduce(
          (acc, r) => mergeServerRecord(acc, r, entity.fieldNames),
          await table.get(row.id),
        );
        if (merged) await table.put(merged);
      }
    }

    await clock.observe(
      db,
      [...rows.values()].flatMap((row) => row.records.map((r) => r.updatedAt)),
    );
    const allRejections = await appendRejections(db, rejections);
    const accepted = acked
      .filter((entry) => !skewed.includes(entry) && resultOf(entry).status !== 'rejected')
      .map((entry) => ({ entry, result: resultOf(entry) }));
    const allOverwritten = await appendOverwritten(
      db,
      overwrittenChanges(accepted, now().toISOString()),
    );
    const stored = (await readMeta(db, 'cursor')) ?? null;
    const cursorAdvanced = stored === ack.fromCursor;
    if (cursorAdvanced && ack.cursor !== stored) await writeMeta(db, 'cursor', ack.cursor);
    const pendingReadSeq = beginPendingRead();
    return {
      cursorAdvanced,
      rejections,
      allRejections,
      allOverwritten,
      pendingCount: await countOutbox(db.outbox),
      pendingReadSeq,
    };
  });
}
