import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePayees1796300000200 implements MigrationInterface {
  name = 'CreatePayees1796300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payees (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "name" text,
        "default_category_id" uuid,
        "favorite" boolean,
        "merged_into_id" uuid,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX payees_feed ON payees (tenant_id, server_seq)`);
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE payees ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE payees FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY payees_tenant_isolation ON payees
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payees`);
  }
}
