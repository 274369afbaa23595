import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs SQL and returns its rows whatever the command. TypeORM's `query()` returns
 * `[rows, count]` for UPDATE/DELETE … RETURNING but plain rows for SELECT; the structured
 * result avoids that trap.
 */
export async function queryRows<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return result.records as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

interface DriverConnection {
  query(
    sql: string | { name: string; text: string; values: unknown[] },
    parameters?: unknown[],
  ): Promise<{ rows: unknown[] }>;
}

/** Data sources whose pooled connections are sessions of their own (see preparesStatements). */
const preparing = new WeakSet<DataSource>();

/**
 * Lets queryRowsNow prepare its statements on `source`'s connections. Only for a real
 * PostgreSQL server: a prepared statement lives in its session, and the embedded database
 * serves every pooled connection from one session, where the names would collide.
 */
export function preparesStatements(source: DataSource): void {
  preparing.add(source);
}

/**
 * Like queryRows, for the push path's statements: the statement is handed to the driver
 * before this returns (TypeORM's `query()` first awaits its own bookkeeping, so a statement
 * issued through it leaves only once the caller yields), prepared where that is safe (see
 * preparesStatements). Several can be issued at once: they run in the order they were issued
 * (see sendInOrder), and the caller computes while PostgreSQL works through them.
 */
export function queryRowsNow<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const connection = (manager.queryRunner as { databaseConnection?: DriverConnection } | undefined)
    ?.databaseConnection;
  if (!connection) return queryRows<T>(manager, sql, parameters);
  const prepared = preparing.has(manager.connection);
  const sent = sendInOrder(connection, () =>
    prepared
      ? connection.query({ name: statementName(sql), text: sql, values: parameters })
      : connection.query(sql, parameters),
  );
  return sent.then((result) => result.rows as T[]);
}

/** Per driver connection: settles when the last statement issued through sendInOrder is answered. */
const answered = new WeakMap<object, Promise<void>>();

/**
 * Sends a statement on `connection` at once when nothing sent through here is still
 * unanswered, else right after the last one is: issued statements run in issue order. The
 * driver would queue them itself, but that is deprecated (and gone in node-postgres 9).
 */
export function sendInOrder<T>(connection: object, send: () => Promise<T>): Promise<T> {
  const before = answered.get(connection);
  const sent = before ? before.then(send) : send();
  const settled = sent.then(
    () => undefined,
    () => undefined,
  );
  answered.set(connection, settled);
  void settled.then(() => {
    if (answered.get(connection) === settled) answered.delete(connection);
  });
  return sent;
}

const statementNames = new Map<string, string>();

/**
 * A prepared statement per distinct text: PostgreSQL parses and plans the push path's few,
 * long statements once per connection instead of once per batch (for a one-row batch the
 * planning costs more than the write). The texts come from a small fixed set (one per table
 * and combination of tables), so the map stays small.
 */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `finwise_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return name;
}
