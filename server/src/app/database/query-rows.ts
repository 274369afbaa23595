import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs SQL and returns its rows whatever the command. TypeORM's `query()` returns
 * `[rows, count]` for UPDATE/DELETE … RETURNING but plain rows for SELECT; the structured
 * result avoids that trap.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return result.records as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

interface DriverConnection {
  query(sql: string | { name: string; text: string; values: unknown[] }, parameters?: unknown[]): Promise<{ rows: unknown[] }>;
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
 * preparesStatements). On a transaction's connection the driver runs statements in the order
 * they were handed over, so several can be issued at once and the caller computes while
 * PostgreSQL works through them.
 */
export function queryRowsNow<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const connection = (manager.queryRunner as { databaseConnection?: DriverConnection } | undefined)?.databaseConnection;
  if (!connection) return queryRows<T>(manager, sql, parameters);
  const sent = preparing.has(manager.connection)
    ? connection.query({ name: statementName(sql), text: sql, values: parameters })
    : connection.query(sql, parameters);
  return sent.then((result) => result.rows as T[]);
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
