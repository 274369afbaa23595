import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { AnyRecord } from '@finwise/sync-protocol';
import type { LocalDatabase } from '../database/local-database';

/** Rows the table's readers see (tombstones are kept in the table but never shown). */
export type RowFilter = (row: AnyRecord) => boolean;

/**
 * Follows one table's live rows in memory and calls `emit` with all of them (in primary-key
 * order, as a table scan gives them) at once and after every committed change.
 *
 * Dexie's `storagemutated` event names the primary keys each committed transaction wrote, in
 * this tab and (through its BroadcastChannel) in other tabs. Re-reading only those keys is what
 * keeps an edit cheap in a large household: a `liveQuery` over the table re-reads every row on
 * every change. A change that names a key range instead of keys (a `clear()`) reads the table
 * again, and so does the first call.
 */
export function followTable(
  db: LocalDatabase,
  modelName: string,
  isShown: RowFilter,
  emit: (rows: AnyRecord[]) => void,
): () => void {
  const part = `idb://${db.name}/${modelName}/`;
  const table = db.rows(modelName);
  // Sorted by id, as a table scan gives them: a change is found by binary search and spliced
  // in place, and each emit is one copy. Re-sorting or rebuilding a Map of 100,000 rows per
  // change cost 60–170 ms in Node; a splice and a copy cost under 3 ms.
  let rows: AnyRecord[] = [];
  let readAll = true;
  let changedKeys = new Set<string>();
  let running = false;
  let closed = false;

  const run = async (): Promise<void> => {
    running = true;
    try {
      while (!closed && (readAll || changedKeys.size > 0)) {
        const full = readAll;
        const keys = [...changedKeys];
        readAll = false;
        changedKeys = new Set();
        const changed = full ? await reloadAll() : await reloadKeys(keys);
        if (changed && !closed) emit(rows.slice());
      }
    } catch {
      // The only expected failure is the database closing when the client stops.
    } finally {
      running = false;
    }
  };

  const reloadAll = async (): Promise<boolean> => {
    rows = await table.filter(isShown).toArray();
    return true;
  };

  const reloadKeys = async (keys: string[]): Promise<boolean> => {
    const fresh = await table.bulkGet(keys);
    let changed = false;
    keys.forEach((key, index) => {
      const row = fresh[index];
      const at = positionOf(rows, key);
      const present = at < rows.length && rows[at].id === key;
      if (row && isShown(row)) {
        if (present) rows[at] = row;
        else rows.splice(at, 0, row);
        changed = true;
      } else if (present) {
        rows.splice(at, 1);
        changed = true;
      }
    });
    return changed;
  };

  const onMutated = (parts: ObservabilitySet): void => {
    const ranges = parts[part];
    if (!ranges || closed) return;
    if (!collectKeys(ranges, changedKeys)) readAll = true;
    if (!running) void run();
  };

  Dexie.on.storagemutated.subscribe(onMutated);
  void run();
  return () => {
    closed = true;
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}

/** Where `id` is or would go in `rows`, which are sorted by id. */
function positionOf(rows: readonly AnyRecord[], id: string): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((rows[middle].id as string) < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Adds the single keys of an interval tree to `into`; false when a range spans more than one
 * key. The tree is walked as plain data: from another tab it arrives structured-cloned,
 * without RangeSet's methods.
 */
function collectKeys(tree: IntervalTree | null | undefined, into: Set<string>): boolean {
  if (!tree || !('from' in tree)) return true;
  if (typeof tree.from !== 'string' || tree.from !== tree.to) return false;
  into.add(tree.from);
  return collectKeys(tree.l, into) && collectKeys(tree.r, into);
}
