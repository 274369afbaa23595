/** The name every tab of this origin refreshes under. */
export const REFRESH_LOCK_NAME = 'finwise.auth.refresh';

/** Fallback lease in localStorage: who holds it and until when (ms since the epoch). */
const LEASE_KEY = 'finwise.auth.refreshLease';
/** A holder that crashed mid-refresh blocks the others no longer than this. */
const LEASE_MS = 15_000;
const POLL_MS = 50;

/** The one call of the Web Locks API used here (`navigator.locks` satisfies it). */
export interface ExclusiveLocks {
  request<T>(name: string, options: LockOptions, callback: () => Promise<T>): Promise<T>;
}

export interface RefreshLockEnvironment {
  locks?: ExclusiveLocks;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  random?: () => number;
}

/**
 * Runs `work` while no other tab of this origin runs its own: refresh tokens rotate, and a
 * refresh token sent twice (two tabs refreshing at once) looks like a stolen copy to the server,
 * which revokes the whole login. The Web Locks API serialises the tabs (the browser releases a
 * crashed tab's lock); where it is missing, a lease in localStorage does it on a best-effort
 * basis (a lease whose holder vanished expires).
 */
export function withRefreshLock<T>(
  work: () => Promise<T>,
  environment: RefreshLockEnvironment = defaultEnvironment(),
): Promise<T> {
  if (environment.locks) {
    // The lock is held until the callback's promise settles, and request() resolves with its value.
    return environment.locks.request(REFRESH_LOCK_NAME, { mode: 'exclusive' }, () =>
      work(),
    ) as unknown as Promise<T>;
  }
  if (environment.storage) {
    return withLease(work, environment.storage, environment.random ?? Math.random);
  }
  return work();
}

function defaultEnvironment(): RefreshLockEnvironment {
  let storage: Storage | null = null;
  try {
    storage = globalThis.localStorage ?? null;
  } catch {
    // Storage disabled: nothing to share a session through, and so nothing to coordinate.
  }
  return { locks: globalThis.navigator?.locks, storage };
}

async function withLease<T>(
  work: () => Promise<T>,
  storage: NonNullable<RefreshLockEnvironment['storage']>,
  random: () => number,
): Promise<T> {
  const id = `${Date.now()}-${random().toString(36).slice(2)}`;
  for (;;) {
    const lease = readLease(storage);
    if (lease === null || lease.until <= Date.now()) {
      storage.setItem(LEASE_KEY, JSON.stringify({ id, until: Date.now() + LEASE_MS }));
      // Two tabs that both saw the lease free both wrote it; the last write wins, and each
      // checks after a moment whether it is still the holder.
      await sleep(POLL_MS);
      if (readLease(storage)?.id === id) break;
    }
    await sleep(POLL_MS + random() * POLL_MS);
  }
  try {
    return await work();
  } finally {
    if (readLease(storage)?.id === id) storage.removeItem(LEASE_KEY);
  }
}

function readLease(
  storage: NonNullable<RefreshLockEnvironment['storage']>,
): { id: string; until: number } | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(LEASE_KEY) ?? 'null');
    const lease = parsed as { id?: unknown; until?: unknown } | null;
    return typeof lease?.id === 'string' && typeof lease.until === 'number'
      ? { id: lease.id, until: lease.until }
      : null;
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
