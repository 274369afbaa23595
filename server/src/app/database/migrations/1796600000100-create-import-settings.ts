import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateImportSettings1796600000100 implements MigrationInterface {
  name = 'CreateImportSettings1796600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_settings (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "account_id" uuid,
        "options" text,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX import_settings_feed ON import_settings (tenant_id, server_seq)`,
    );
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE import_settings ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE import_settings FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY import_settings_tenant_isolation ON import_settings
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_settings`);
  }
}
