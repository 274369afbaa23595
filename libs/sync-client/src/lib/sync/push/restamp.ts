import { ErrorCodes, type MutationResult } from '@finwise/sync-protocol';
import type { LocalDatabase } from '../../database/local-database';
import type { PersistedClock } from '../../database/persisted-clock';
import type { OutboxEntry } from '../../outbox/outbox-entry';

/**
 * How often one mutation is re-stamped before its `clock_skew` counts as a real rejection.
 * A re-stamp uses the server's own time, so a second refusal means the server contradicts
 * itself; the cap only keeps such a server from being asked forever.
 */
const MAX_RESTAMPS = 3;

/**
 * Whether a result is the server refusing the mutation's HLC as too far ahead of its clock,
 * and the mutation can be re-stamped instead of rolled back: a wrong device clock must never
 * lose an edit (DESIGN §6). Needs the ack's `serverTime`, which the clock has just learned.
 */
export function mayRestamp(
  entry: OutboxEntry,
  result: MutationResult,
  serverTimeKnown: boolean,
): boolean {
  return (
    serverTimeKnown &&
    result.status === 'rejected' &&
    result.error?.code === ErrorCodes.clockSkew &&
    (entry.restamps ?? 0) < MAX_RESTAMPS
  );
}

/**
 * Gives each entry a fresh HLC from the clock (now near the server's time), after the row as
 * the server returned it, and keeps it in its place in the outbox to be sent again. Entries
 * are re-stamped in outbox order, so their new HLCs keep that order. Call inside a read-write
 * transaction over the outbox and `meta`, after the clock learned the ack's `serverTime`.
 */
export async function restamp(
  db: LocalDatabase,
  clock: PersistedClock,
  entries: readonly { entry: OutboxEntry; result: MutationResult }[],
): Promise<void> {
  for (const { entry, result } of entries) {
    const hlc = await clock.tick(db, result.record?.updatedAt);
    await db.outbox.update(entry.seq as number, {
      mutation: { ...entry.mutation, hlc },
      restamps: (entry.restamps ?? 0) + 1,
    });
  }
}
