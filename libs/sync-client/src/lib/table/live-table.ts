import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { AnyRecord } from '@finwise/sync-protocol';
import type { LocalDatabase } from '../database/local-database';
import type { RowChange } from '../public-types';

/** Rows the table's readers see (tombstones are kept in the table but never shown). */
export type RowFilter = (row: AnyRecord) => boolean;

/**
 * Follows one table's live rows in memory and calls `emit` with all of them (in primary-key
 * order, as a table scan gives them) at once and after every committed change, with the rows
 * that changed since the previous call (none after a read of the whole table).
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
  emit: (rows: AnyRecord[], changes?: RowChange<AnyRecord>[]) => void,
): () => void {
  const part = `idb://${db.name}/${modelName}/`;
  const table = db.rows(modelName);
  // Sorted by id, as a table scan gives them: a changed row is found by binary search and
  // replaced in place, rows that come or go are merged in in one pass, and each emit is one
  // copy. Re-sorting or rebuilding a Map of 100,000 rows per change cost 60–170 ms in Node.
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
        if (full) {
          await reloadAll();
          if (!closed) emit(rows.slice());
        } else {
          const changes = await reloadKeys(keys);
          if (changes.length > 0 && !closed) emit(rows.slice(), changes);
        }
      }
    } catch {
      // The only expected failure is the database closing when the client stops.
    } finally {
      running = false;
    }
  };

  const reloadAll = async (): Promise<void> => {
    rows = await table.filter(isShown).toArray();
  };

  const reloadKeys = async (keys: string[]): Promise<RowChange<AnyRecord>[]> => {
    const fresh = await table.bulkGet(keys);
    const added: AnyRecord[] = [];
    const removed = new Set<string>();
    const changes: RowChange<AnyRecord>[] = [];
    keys.forEach((key, index) => {
      const row = fresh[index];
      const at = positionOf(rows, key);
      const present = at < rows.length && rows[at].id === key;
      if (row && isShown(row)) {
        changes.push({ before: present ? rows[at] : undefined, after: row });
        if (present) rows[at] = row;
        else added.push(row);
      } else if (present) {
        changes.push({ before: rows[at], after: undefined });
        removed.add(key);
      }
    });
    if (added.length > 0 || removed.size > 0) rows = merged(rows, added, removed);
    return changes;
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
 * `rows` without the `removed` ids and with `added` (ids not in `rows`), still sorted by id,
 * in one pass: a page of a thousand new rows costs one walk of the list, not one splice each.
 */
function merged(
  rows: readonly AnyRecord[],
  added: AnyRecord[],
  removed: ReadonlySet<string>,
): AnyRecord[] {
  added.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result: AnyRecord[] = [];
  let next = 0;
  for (const row of rows) {
    while (next < added.length && added[next].id < row.id) result.push(added[next++]);
    if (!removed.has(row.id)) result.push(row);
  }
  while (next < added.length) result.push(added[next++]);
  return result;
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
