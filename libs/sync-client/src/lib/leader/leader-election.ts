/**
 * Exactly one instance per tenant database owns the socket and drains the outbox; the others
 * (tabs) only read and write the shared database.
 */
export interface LeaderElection {
  /**
   * Starts campaigning. `onChange` hears every gain and loss of leadership (also the first);
   * the promise resolves with the first decision.
   */
  start(onChange: (leader: boolean) => void): Promise<boolean>;
  /** Gives leadership up (another instance takes over at once) and stops campaigning. */
  stop(): Promise<void>;
  /** Stops campaigning without releasing anything, as a crashed tab would. */
  abandon(): void;
}

/** The subset of the Web Locks API we use (`navigator.locks`). */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>;
}

export function webLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return typeof nav?.locks?.request === 'function' ? nav.locks : undefined;
}
