import {
  ErrorCodes,
  isErrorAck,
  SyncEvents,
  type ChangesBroadcast,
  type PullResponse,
} from '@finwise/sync-protocol';
import type { LocalDatabase } from '../../database/local-database';
import { readMeta, type InitialLoadState } from '../../database/meta';
import type { PersistedClock } from '../../database/persisted-clock';
import { resetLocalCopy } from '../../local/pending-replay';
import type { InitialLoadProgress, SyncTuning } from '../../public-types';
import { ServerRefusal, socketRequest } from '../connection/socket-request';
import type { SocketWork } from '../connection/socket-work';
import { applyBroadcast, applyPullPage } from './apply-feed';

export interface FeedPullerHost {
  readonly db: LocalDatabase;
  readonly clock: PersistedClock;
  readonly tuning: SyncTuning;
  /** Initial-load progress shown so far: a load from cursor null keeps counting from it. */
  loadShown(): number;
  /** A page of an initial load was applied. */
  loadProgressed(progress: InitialLoadProgress): void;
  /** The server answered a request: the next retry starts from the shortest pause. */
  answered(): void;
  /** The local copy caught up with the server (for `lastSyncedAt`). */
  synced(): void;
}

/**
 * The pull half of sync: catches up from the stored cursor through the change feed (paged,
 * with initial-load progress, reloading on `resync_required`) and applies the broadcasts
 * that continue the cursor. A gap or a cursor moved by someone else asks for another pull.
 */
export class FeedPuller {
  constructor(private readonly host: FeedPullerHost) {}

  /** Pulls from the stored cursor to the end; page N is applied while page N+1 is fetched. */
  async catchUp(work: SocketWork): Promise<void> {
    const { db, clock } = this.host;
    let cursor = (await readMeta(db, 'cursor')) ?? null;
    let load = await this.initialLoadState(cursor);
    const pull = async (from: string | null) => {
      const sentAtMs = clock.deviceNow();
      const response = await socketRequest<PullResponse>(
        work,
        SyncEvents.pull,
        { cursor: from, limit: this.host.tuning.pullPageSize },
        this.host.tuning.requestTimeoutMs,
      );
      return { response, timing: { sentAtMs, receivedAtMs: clock.deviceNow() } };
    };
    let pending = pull(cursor);
    for (;;) {
      const { response, timing } = await pending;
      if (isErrorAck(response)) {
        if (response.error.code !== ErrorCodes.resyncRequired)
          throw new ServerRefusal(response.error);
        // The server no longer serves this cursor (tombstones purged or data reset): reload
        // everything, keeping the outbox so no local change is lost.
        await db.transaction('rw', db.syncTables(), () => resetLocalCopy(db));
        cursor = null;
        load = await this.initialLoadState(null);
        pending = pull(null);
        continue;
      }
      const next = response.hasMore ? pull(response.cursor) : null;
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next?.catch(() => undefined);
      if (load) {
        if (cursor === null && response.total !== undefined)
          load.total = load.loaded + response.total;
        load.loaded += response.changes.length;
        load.total = Math.max(load.total, load.loaded);
        load.done = !response.hasMore;
      }
      const applied = await applyPullPage(
        db,
        clock,
        response,
        cursor,
        load ? { ...load } : null,
        timing,
      );
      // Someone else moved the cursor (a second leader for a moment): start over from it.
      if (!applied) {
        work.requestPull();
        return;
      }
      if (load) this.host.loadProgressed({ loaded: load.loaded, total: load.total });
      this.host.answered();
      cursor = response.cursor;
      if (!next) return;
      pending = next;
    }
  }

  async receive(work: SocketWork, broadcast: ChangesBroadcast): Promise<void> {
    const outcome = await applyBroadcast(this.host.db, this.host.clock, broadcast);
    if (outcome === 'gap') work.requestPull();
    else if (outcome === 'applied') this.host.synced();
  }

  /** Progress of a load from cursor null, or of one a previous run left unfinished. */
  private async initialLoadState(cursor: string | null): Promise<InitialLoadState | null> {
    if (cursor === null) {
      const shown = this.host.loadShown();
      return { loaded: shown, total: shown, done: false };
    }
    const stored = await readMeta(this.host.db, 'initialLoad');
    return stored && !stored.done ? { ...stored } : null;
  }
}
