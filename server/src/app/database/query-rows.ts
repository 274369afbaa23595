import type { EntityManager } from 'typeorm';

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
  query(sql: string, parameters?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Like queryRows, for the push path's statements: the statement is handed to the driver
 * before this returns (TypeORM's `query()` first awaits its own bookkeeping, so a statement
 * issued through it leaves only once the caller yields). On a
 * transaction's connection the driver runs statements in the order they were handed over, so
 * several can be issued at once and the caller computes while PostgreSQL works through them.
 */
export function queryRowsNow<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const connection = (manager.queryRunner as { databaseConnection?: DriverConnection } | undefined)?.databaseConnection;
  if (!connection) return queryRows<T>(manager, sql, parameters);
  return connection.query(sql, parameters).then((result) => result.rows as T[]);
}
