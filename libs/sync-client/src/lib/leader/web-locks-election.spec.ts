import { waitFor } from '../../../test/support/wait';
import type { LockManagerLike } from './leader-election';
import { WebLocksElection } from './web-locks-election';

/**
 * The Web Locks semantics the election relies on (Node 20 has no `navigator.locks`):
 * exclusive per name, held while the callback's promise is pending, `ifAvailable` answers
 * null at once when held, waiters are granted in order, `signal` withdraws a waiter.
 */
class InMemoryLocks implements LockManagerLike {
  private held = new Set<string>();
  private waiters = new Map<string, (() => void)[]>();

  async request<T>(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T> {
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        const queue = this.waiters.get(name) ?? [];
        queue.push(resolve);
        this.waiters.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(resolve), 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    this.held.add(name);
    try {
      return await callback({ name });
    } finally {
      this.held.delete(name);
      this.waiters.get(name)?.shift()?.();
    }
  }
}

describe('WebLocksElection', () => {
  it('one instance leads; a waiting one takes over when it stops, and a stopped waiter never does', async () => {
    const locks = new InMemoryLocks();
    const a = new WebLocksElection(locks, 'finwise-sync-leader:db');
    const b = new WebLocksElection(locks, 'finwise-sync-leader:db');
    const c = new WebLocksElection(locks, 'finwise-sync-leader:db');
    const changes: Record<string, boolean[]> = { a: [], b: [], c: [] };
    expect(await a.start((l) => changes['a'].push(l))).toBe(true);
    expect(await b.start((l) => changes['b'].push(l))).toBe(false);
    expect(await c.start((l) => changes['c'].push(l))).toBe(false);
    expect(changes).toEqual({ a: [true], b: [], c: [] });

    await c.stop();
    await a.stop();
    await waitFor(() => changes['b'].length === 1, 1000, 'b to lead');
    expect(changes).toEqual({ a: [true], b: [true], c: [] });
    await b.stop();
  });
});
