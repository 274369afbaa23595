import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The synced tables that existed when rows gained their server change time. */
const TABLES = ['account_groups', 'accounts', 'categories', 'transactions', 'budgets'];

/**
 * Every synced row records the server time of its latest write (`changed_at`), and tombstones
 * are purged by it instead of by the client's delete HLC. The create migrations of these tables
 * include the column since (they are what the entity generator writes), so this adds it only to
 * databases created before; their existing rows get the migration's time, so their tombstones
 * are kept for a full retention period from now on.
 */
export class RowChangeTimes1796200000000 implements MigrationInterface {
  name = 'RowChangeTimes1796200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS changed_at timestamptz NOT NULL DEFAULT now()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN changed_at`);
  }
}
