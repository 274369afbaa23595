import type { OutboxEntry, OutboxTable } from './outbox-entry';

/*
 * The outbox: local mutations waiting for the server's ack, in the order they were made
 * (`seq`), which is the order the server must apply them in. An entry leaves only with its
 * ack (or when it can never be sent), so no local change is lost across reloads, crashes,
 * token expiry or server errors. Every tab of the tenant writes to it; the leader drains it.
 * A read that must agree with other tables runs inside the caller's transaction.
 */

export async function appendToOutbox(outbox: OutboxTable, entry: OutboxEntry): Promise<void> {
  await outbox.add(entry);
}

/** Several entries at once, in the given order (one request instead of one per entry). */
export async function appendAllToOutbox(
  outbox: OutboxTable,
  entries: readonly OutboxEntry[],
): Promise<void> {
  if (entries.length > 0) await outbox.bulkAdd([...entries]);
}

/** The oldest `limit` entries (all of them without a limit), oldest first. */
export function readOutbox(outbox: OutboxTable, limit?: number): Promise<OutboxEntry[]> {
  const inOrder = outbox.orderBy('seq');
  return limit === undefined ? inOrder.toArray() : inOrder.limit(limit).toArray();
}

/** One row's pending mutations (by `rowKey`), oldest first. */
export function readOutboxForRow(outbox: OutboxTable, key: string): Promise<OutboxEntry[]> {
  return outbox.where('rowKey').equals(key).sortBy('seq');
}

export async function removeFromOutbox(
  outbox: OutboxTable,
  entries: readonly OutboxEntry[],
): Promise<void> {
  await outbox.bulkDelete(entries.map((entry) => entry.seq as number));
}

export function countOutbox(outbox: OutboxTable): Promise<number> {
  return outbox.count();
}
