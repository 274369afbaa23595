import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccountGroups1764000000100 implements MigrationInterface {
  name = 'CreateAccountGroups1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_groups (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "name" text,
        "sort_order" integer,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX account_groups_feed ON account_groups (tenant_id, server_seq)`,
    );
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE account_groups ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE account_groups FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY account_groups_tenant_isolation ON account_groups
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_groups`);
  }
}
