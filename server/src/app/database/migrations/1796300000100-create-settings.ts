import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSettings1796300000100 implements MigrationInterface {
  name = 'CreateSettings1796300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settings (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "budget_currency" text,
        "locale" text,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX settings_feed ON settings (tenant_id, server_seq)`);
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE settings ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE settings FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY settings_tenant_isolation ON settings
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE settings`);
  }
}
