import Dexie, { cmp, type IntervalTree, type ObservabilitySet } from 'dexie';

/**
 * Calls `changed` after every committed write to `tableName` of `db` (in this tab or, through
 * Dexie's BroadcastChannel, in another) that touches one of `keys`, or any key when `keys` is
 * null. Writes to other databases and tables cost one property lookup.
 *
 * This is what the client's internal watchers use instead of `liveQuery`: Dexie hands every
 * committed write of every database in the realm to every liveQuery, and a liveQuery merges
 * the key ranges it is not interested in into a set it keeps until its own next run. With
 * many clients in one process (a Node service, a test holding hundreds of devices), every
 * write then cost each client several range-set merges and those sets kept growing.
 */
export function onTableChange(
  db: Dexie,
  tableName: string,
  keys: readonly string[] | null,
  changed: () => void,
): () => void {
  const part = `idb://${db.name}/${tableName}/`;
  const onMutated = (parts: ObservabilitySet): void => {
    const tree = parts[part];
    if (tree && (keys === null || touchesAny(tree, keys))) changed();
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  return () => Dexie.on.storagemutated.unsubscribe(onMutated);
}

/**
 * Runs `query` at once and again after every change `onTableChange` reports, one run at a
 * time, and hands each result to `next` in order; changes during a run make one more run.
 * A failing run (the database closing) is dropped; the next change runs it again.
 */
export function watchQuery<T>(
  db: Dexie,
  tableName: string,
  keys: readonly string[] | null,
  query: () => Promise<T>,
  next: (value: T) => void,
): () => void {
  let dirty = true;
  let running = false;
  let closed = false;
  const run = async (): Promise<void> => {
    running = true;
    try {
      while (dirty && !closed) {
        dirty = false;
        // Outside any transaction the change was reported in.
        const value = await Dexie.ignoreTransaction(query);
        if (!closed) next(value);
      }
    } catch {
      // Expected only while the database closes.
    } finally {
      running = false;
    }
  };
  const stop = onTableChange(db, tableName, keys, () => {
    dirty = true;
    if (!running && !closed) void run();
  });
  void run();
  return () => {
    closed = true;
    stop();
  };
}

/**
 * Whether an interval tree of changed keys covers one of `keys`. The tree is walked as plain
 * data: from another tab it arrives structured-cloned, without RangeSet's methods.
 */
function touchesAny(tree: IntervalTree | null | undefined, keys: readonly string[]): boolean {
  if (!tree || !('from' in tree)) return false;
  if (keys.some((key) => cmp(key, tree.from) >= 0 && cmp(key, tree.to) <= 0)) return true;
  return touchesAny(tree.l, keys) || touchesAny(tree.r, keys);
}
