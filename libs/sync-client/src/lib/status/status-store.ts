import type {
  InitialLoadProgress,
  OverwrittenChange,
  Rejection,
  SyncStatus,
} from '../public-types';

export type StatusListener = (status: SyncStatus) => void;

const INITIAL: SyncStatus = Object.freeze({
  online: false,
  pendingCount: 0,
  lastSyncedAt: null,
  initialLoad: Object.freeze({ loaded: 0, total: 0 }),
  rejections: Object.freeze([]) as readonly Rejection[],
  overwritten: Object.freeze([]) as readonly OverwrittenChange[],
});

/**
 * The client's status as an immutable snapshot plus listeners. Listeners hear about real
 * changes only, and initial-load progress can only grow (a progress bar never jumps back).
 */
export class StatusStore {
  private snapshot: SyncStatus = INITIAL;
  private readonly listeners = new Set<StatusListener>();
  /** Order of pending-count reads: a late answer from an older read must not win. */
  private pendingReadSeq = 0;
  private pendingAppliedSeq = 0;

  get(): SyncStatus {
    return this.snapshot;
  }

  update(patch: Partial<SyncStatus>): void {
    const next: SyncStatus = { ...this.snapshot, ...patch };
    if (patch.initialLoad)
      next.initialLoad = monotonic(this.snapshot.initialLoad, patch.initialLoad);
    if (sameStatus(this.snapshot, next)) return;
    this.snapshot = Object.freeze(next);
    for (const listener of [...this.listeners]) {
      try {
        listener(this.snapshot);
      } catch {
        // A failing listener must not break sync or the other listeners.
      }
    }
  }

  /** Reserves a place in the order of pending-count reads; take it when the read's transaction starts. */
  beginPendingRead(): number {
    this.pendingReadSeq += 1;
    return this.pendingReadSeq;
  }

  /** Applies a pending count unless a read that started later has already been applied. */
  setPendingCount(count: number, readSeq: number): void {
    if (readSeq < this.pendingAppliedSeq) return;
    this.pendingAppliedSeq = readSeq;
    this.update({ pendingCount: count });
  }

  subscribe(listener: StatusListener): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  clearListeners(): void {
    this.listeners.clear();
  }
}

function monotonic(previous: InitialLoadProgress, next: InitialLoadProgress): InitialLoadProgress {
  const loaded = Math.max(previous.loaded, next.loaded);
  return Object.freeze({ loaded, total: Math.max(previous.total, next.total, loaded) });
}

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.online === b.online &&
    a.pendingCount === b.pendingCount &&
    a.lastSyncedAt === b.lastSyncedAt &&
    a.initialLoad.loaded === b.initialLoad.loaded &&
    a.initialLoad.total === b.initialLoad.total &&
    sameNotices(a.rejections, b.rejections) &&
    sameNotices(a.overwritten, b.overwritten)
  );
}

function sameNotices(
  a: readonly { mutationId: string; at: string }[],
  b: readonly { mutationId: string; at: string }[],
): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((r, i) => r.mutationId === b[i].mutationId && r.at === b[i].at))
  );
}
