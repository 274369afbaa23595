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
  let rows = new Map<string, AnyRecord>();
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
        if (changed && !closed) emit([...rows.values()]);
      }
    } catch {
      // The only expected failure is the database closing when the client stops.
    } finally {
      running = false;
    }
  };

  const reloadAll = async (): Promise<boolean> => {
    const all = await table.filter(isShown).toArray();
    rows = new Map(all.map((row) => [row.id as string, row]));
    return true;
  };

  const reloadKeys = async (keys: string[]): Promise<boolean> => {
    const fresh = await table.bulkGet(keys);
    let changed = false;
    let added = false;
    keys.forEach((key, index) => {
      const row = fresh[index];
      if (row && isShown(row)) {
        added ||= !rows.has(key);
        rows.set(key, row);
        changed = true;
      } else if (rows.delete(key)) {
        changed = true;
      }
    });
    // New keys go where a table scan would put them, so readers see the same order as before.
    if (added) rows = new Map([...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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
