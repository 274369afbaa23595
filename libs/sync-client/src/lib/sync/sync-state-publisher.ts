import type { LocalDatabase } from '../database/local-database';
import { writeMeta } from '../database/meta';
import type { StatusStore } from '../status/status-store';

/**
 * Shares the leader's `online` and `lastSyncedAt` with the follower tabs, which have no
 * socket of their own, through `meta`. Writes are coalesced: changes that arrive while one
 * is under way make exactly one more.
 */
export class SyncStatePublisher {
  private writing: Promise<void> | null = null;
  private writeAgain = false;
  private ended = false;

  constructor(
    private readonly db: LocalDatabase,
    private readonly status: StatusStore,
  ) {}

  publish(): void {
    if (this.ended) return;
    if (this.writing) {
      this.writeAgain = true;
      return;
    }
    this.writing = (async () => {
      do {
        this.writeAgain = false;
        const { online, lastSyncedAt } = this.status.get();
        await writeMeta(this.db, 'syncState', { online, lastSyncedAt });
      } while (this.writeAgain && !this.ended);
    })()
      .catch(() => undefined)
      .finally(() => (this.writing = null));
  }

  /** Publishes nothing more (a crashed tab just stops). */
  end(): void {
    this.ended = true;
  }

  /** Resolves when the write under way, if any, is done. */
  async settled(): Promise<void> {
    await this.writing;
  }

  /** The leader's last word when it stops: offline, and when it last synced. */
  async publishOffline(): Promise<void> {
    const { lastSyncedAt } = this.status.get();
    await writeMeta(this.db, 'syncState', { online: false, lastSyncedAt }).catch(() => undefined);
  }
}
