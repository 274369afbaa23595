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
