/** One step of a connected socket's sync work (see `SyncEngine`). */
export type SyncStep = 'push' | 'pull' | 'broadcast' | 'idle';

export interface SyncWorkState {
  /** The outbox may hold entries that were not pushed yet. */
  pushWaiting: boolean;
  /** A catch-up from the stored cursor is due. */
  pullDue: boolean;
  /** Broadcasts received and not applied yet. */
  broadcasts: number;
  /** The previous step on this socket was a push. */
  pushedLast: boolean;
}

/**
 * Chooses the next step. Download work (a due catch-up first, then received broadcasts in
 * order) and the outbox take turns, and a new socket starts with a push: the device's own
 * writes are what only it holds, so they reach the server first. Without the turns a long
 * catch-up after every reconnect, or a steady stream of other devices' broadcasts, could keep
 * a busy device from ever pushing (a connection ends at least when its token expires).
 */
export function nextStep(state: SyncWorkState): SyncStep {
  if (state.pushWaiting && !state.pushedLast) return 'push';
  if (state.pullDue) return 'pull';
  if (state.broadcasts > 0) return 'broadcast';
  if (state.pushWaiting) return 'push';
  return 'idle';
}
