import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReconciliations1796300000500 implements MigrationInterface {
  name = 'CreateReconciliations1796300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reconciliations (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "account_id" uuid,
        "statement_date" date,
        "statement_balance_minor" bigint,
        "cleared_total_minor" bigint,
        "adjustment_id" uuid,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX reconciliations_feed ON reconciliations (tenant_id, server_seq)`,
    );
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE reconciliations ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE reconciliations FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY reconciliations_tenant_isolation ON reconciliations
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reconciliations`);
  }
}
