import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Split lines by parent. Most rows are no split line, so the partial index stays small, and the
 * budget's and reconcile's lookups of a household's lines (and of a parent's lines) become an
 * index scan instead of a pass over every row of the household.
 */
export class TransactionsSplitLinesIndex1796300000700 implements MigrationInterface {
  name = 'TransactionsSplitLinesIndex1796300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS transactions_split_lines ON transactions (tenant_id, parent_id) ` +
        `WHERE parent_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS transactions_split_lines`);
  }
}
