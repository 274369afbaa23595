import { decodeCursor, type ChangesBroadcast, type PullPage } from '@finwise/sync-protocol';
import type { LocalDatabase } from '../../database/local-database';
import { readMeta, writeMeta, type InitialLoadState } from '../../database/meta';
import type { RequestTiming } from '../../database/clock-offset';
import type { PersistedClock } from '../../database/persisted-clock';
import { replayPendingMutations } from '../../local/pending-replay';
import { mergeIncoming } from './merge-incoming';

/**
 * Applies one pull page and moves the cursor to its end, in one transaction, so a crash
 * between pages resumes exactly after the last applied one. Returns false (and changes
 * nothing but the clock's offset to the page's `serverTime`) when the stored cursor is no
 * longer the one the page was requested from.
 */
export async function applyPullPage(
  db: LocalDatabase,
  clock: PersistedClock,
  page: PullPage,
  requestedFrom: string | null,
  initialLoad: InitialLoadState | null,
  timing?: RequestTiming,
): Promise<boolean> {
  return db.transaction('rw', db.syncTables(), async () => {
    await clock.learnServerTime(db, {
      serverTime: page.serverTime,
      ...(timing ?? clock.instant()),
    });
    const stored = (await readMeta(db, 'cursor')) ?? null;
    if (stored !== requestedFrom) return false;
    await mergeIncoming(db, clock, page.changes);
    await writeMeta(db, 'cursor', page.cursor);
    if (initialLoad) {
      await writeMeta(db, 'initialLoad', initialLoad);
      // After a reset, pending edits of rows that were not loaded yet become visible again.
      if (initialLoad.done) await replayPendingMutations(db);
    }
    return true;
  });
}

export type BroadcastOutcome = 'applied' | 'already_seen' | 'gap';

/**
 * A broadcast applies only when it starts exactly at the stored cursor; one that ends at or
 * before it was already seen (through a pull or an ack); anything else is a gap to pull.
 */
export async function applyBroadcast(
  db: LocalDatabase,
  clock: PersistedClock,
  broadcast: ChangesBroadcast,
): Promise<BroadcastOutcome> {
  return db.transaction('rw', db.syncTables(), async () => {
    const stored = (await readMeta(db, 'cursor')) ?? null;
    if (stored === null) return 'gap';
    if (broadcast.fromCursor === stored) {
      await mergeIncoming(db, clock, broadcast.changes);
      await writeMeta(db, 'cursor', broadcast.cursor);
      return 'applied';
    }
    const end = decodeCursor(broadcast.cursor);
    const position = decodeCursor(stored);
    return end !== null && position !== null && end <= position ? 'already_seen' : 'gap';
  });
}
