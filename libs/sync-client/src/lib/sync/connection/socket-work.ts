import type { ChangesBroadcast } from '@finwise/sync-protocol';
import type { Socket } from 'socket.io-client';

/**
 * What one connected socket has to do, from its connect to its disconnect: pulls that are
 * due, broadcasts received, and wake-ups when the outbox grows. All sync work on a socket
 * runs one step at a time (pull, apply a broadcast, push a batch), so an ack is never
 * interleaved with a pull page: the records an ack returns are then never older than
 * anything already applied, which is what makes rebuilding a rejected row from them safe.
 */
export class SocketWork {
  active = true;
  readonly broadcasts: ChangesBroadcast[] = [];
  private pullRequests = 1;
  private pullsDone = 0;
  private wakeUp: (() => void) | null = null;
  private readonly endWaiters = new Set<() => void>();

  constructor(readonly socket: Socket) {}

  get pullDue(): boolean {
    return this.active && this.pullRequests !== this.pullsDone;
  }

  /** Marks the start of a catch-up; pass the token to `pullDone` when it succeeded. */
  beginPull(): number {
    return this.pullRequests;
  }

  pullDone(token: number): void {
    this.pullsDone = token;
  }

  requestPull(): void {
    this.pullRequests += 1;
    this.wake();
  }

  addBroadcast(broadcast: ChangesBroadcast): void {
    this.broadcasts.push(broadcast);
    this.wake();
  }

  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }

  /**
   * Waits until there may be work (or the socket is gone), at most `timeoutMs`: resolves
   * `'timeout'` when nothing happened in that time.
   */
  idle(timeoutMs: number): Promise<'woken' | 'timeout'> {
    if (!this.active) return Promise.resolve('woken');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.wakeUp !== woken) return;
        this.wakeUp = null;
        resolve('timeout');
      }, timeoutMs);
      const woken = () => {
        clearTimeout(timer);
        resolve('woken');
      };
      this.wakeUp = woken;
    });
  }

  /** A retry pause: ends early only when the socket is gone, not on new work. */
  pause(ms: number): Promise<void> {
    if (!this.active) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.endWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.endWaiters.add(done);
    });
  }

  end(): void {
    this.active = false;
    this.wake();
    for (const done of [...this.endWaiters]) done();
  }
}
