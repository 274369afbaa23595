import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBudgetMonths1796300000400 implements MigrationInterface {
  name = 'CreateBudgetMonths1796300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budget_months (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "month" text,
        "held_minor" bigint,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX budget_months_feed ON budget_months (tenant_id, server_seq)`,
    );
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE budget_months ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE budget_months FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY budget_months_tenant_isolation ON budget_months
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_months`);
  }
}
