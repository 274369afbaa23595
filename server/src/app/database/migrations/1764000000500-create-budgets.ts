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
        changed_at timestamptz NOT NULL DEFAULT now(),
        "category_id" uuid,
        "month" text,
        "budgeted_minor" bigint,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX budgets_feed ON budgets (tenant_id, server_seq)`);
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE budgets ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE budgets FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY budgets_tenant_isolation ON budgets
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budgets`);
  }
}
