import type { EntityManager } from 'typeorm';

/**
 * What the sync engine's repositories need from a connection: the rows a statement returns.
 * Statements take their values as parameters (`$1` …), never spliced into the text.
 */
export interface SqlRunner {
  rows<T = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<T[]>;
}

/**
 * A TypeORM transaction as a SqlRunner. Its structured result gives the rows whatever the
 * command: plain `query()` returns `[rows, count]` for UPDATE/DELETE … RETURNING but bare rows
 * for SELECT.
 */
export function sqlOf(manager: EntityManager): SqlRunner {
  return {
    async rows<T>(sql: string, parameters: readonly unknown[] = []): Promise<T[]> {
      const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
      try {
        const result = await runner.query(sql, [...parameters], true);
        return result.records as T[];
      } finally {
        if (!manager.queryRunner) await runner.release();
      }
    },
  };
}
