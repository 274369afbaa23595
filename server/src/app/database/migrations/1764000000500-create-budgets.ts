import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBudgets1764000000500 implements MigrationInterface {
  name = 'CreateBudgets1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        category_id uuid,
        month text,
        budgeted_minor bigint,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX budgets_feed ON budgets (tenant_id, server_seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budgets`);
  }
}
