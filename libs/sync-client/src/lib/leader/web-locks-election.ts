import type { LeaderElection, LockManagerLike } from './leader-election';

/**
 * Leadership = holding a Web Lock named after the tenant database. The browser releases it
 * when the tab closes or crashes and hands it to the next waiting tab, so no heartbeat is
 * needed.
 */
export class WebLocksElection implements LeaderElection {
  private readonly abort = new AbortController();
  private release: (() => void) | null = null;
  private leader = false;
  private stopped = false;

  constructor(
    private readonly locks: LockManagerLike,
    private readonly lockName: string,
  ) {}

  async start(onChange: (leader: boolean) => void): Promise<boolean> {
    const hold = async (): Promise<void> => {
      if (this.stopped) return;
      this.leader = true;
      onChange(true);
      await new Promise<void>((resolve) => (this.release = resolve));
      this.leader = false;
    };
    // First ask without waiting, so start() knows at once whether this instance leads. The
    // lock is held for as long as the callback's promise is pending.
    const acquired = await new Promise<boolean>((resolveAcquired) => {
      this.locks
        .request(this.lockName, { ifAvailable: true }, async (lock) => {
          resolveAcquired(lock !== null);
          if (lock !== null) await hold();
        })
        .catch(() => resolveAcquired(false));
    });
    if (!acquired) {
      // Queue for the lock: granted when the current leader's tab stops, closes or crashes.
      this.locks.request(this.lockName, { signal: this.abort.signal }, hold).catch(() => undefined);
    }
    return acquired;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.release?.();
    this.release = null;
    this.leader = false;
  }

  abandon(): void {
    void this.stop();
  }

  get isLeader(): boolean {
    return this.leader;
  }
}
