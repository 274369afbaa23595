import { FakeLockManager } from '../testing/fake-web-locks';
import { REFRESH_LOCK_NAME, withRefreshLock } from './refresh-lock';

/** Runs `count` overlapping critical sections and records the largest overlap seen. */
async function overlap(
  count: number,
  lock: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<{ maxInside: number; order: number[] }> {
  let inside = 0;
  let maxInside = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      lock(async () => {
        inside += 1;
        maxInside = Math.max(maxInside, inside);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(i);
        inside -= 1;
      }),
    ),
  );
  return { maxInside, order };
}

describe('withRefreshLock', () => {
  it('runs one refresh at a time under the Web Lock named for it', async () => {
    const locks = new FakeLockManager();
    const request = jest.spyOn(locks, 'request');
    const result = await overlap(3, (work) => withRefreshLock(work, { locks }));
    expect(result.maxInside).toBe(1);
    expect(result.order).toEqual([0, 1, 2]);
    expect(request).toHaveBeenCalledWith(
      REFRESH_LOCK_NAME,
      { mode: 'exclusive' },
      expect.any(Function),
    );
  });

  it('falls back to a lease in storage without Web Locks, one holder at a time', async () => {
    const values = new Map<string, string>();
    const storage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
    const result = await overlap(3, (work) => withRefreshLock(work, { storage }));
    expect(result.maxInside).toBe(1);
    expect(result.order).toHaveLength(3);
    // Released: the next refresh finds the lease free.
    expect(values.size).toBe(0);
  });

  it('takes over a lease whose holder vanished', async () => {
    const values = new Map<string, string>([
      ['finwise.auth.refreshLease', JSON.stringify({ id: 'crashed-tab', until: Date.now() - 1 })],
    ]);
    const storage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
    await expect(withRefreshLock(async () => 'refreshed', { storage })).resolves.toBe('refreshed');
  });

  it('passes a failure through and releases the lock', async () => {
    const locks = new FakeLockManager();
    await expect(
      withRefreshLock(() => Promise.reject(new Error('offline')), { locks }),
    ).rejects.toThrow('offline');
    expect(locks.isHeld(REFRESH_LOCK_NAME)).toBe(false);
  });
});
