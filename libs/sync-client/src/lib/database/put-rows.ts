import type { Table } from 'dexie';
import type { AnyRecord } from '@finwise/sync-protocol';

/**
 * Dexie's change event names every key of a write of fewer than 50 rows, and reports a larger
 * write as a change to the whole table (see its observability middleware).
 */
const KEYED_WRITE_ROWS = 49;

/**
 * Puts rows in writes small enough that the change event names their keys, so each followed
 * table (`observe`) reads only these rows again. One `bulkPut` of a 1,000-row feed page made
 * every follower read the whole table per page: quadratic in the first sync of a large
 * household (see bench/README.md, scenario 10). The writes are all issued at once, so the
 * database sees them as one stream. Call inside a read-write transaction over the table.
 */
export async function putRows(table: Table<AnyRecord, string>, rows: readonly AnyRecord[]) {
  const writes: Promise<unknown>[] = [];
  for (let start = 0; start < rows.length; start += KEYED_WRITE_ROWS) {
    writes.push(table.bulkPut(rows.slice(start, start + KEYED_WRITE_ROWS)));
  }
  await Promise.all(writes);
}
