import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1764000000200 implements MigrationInterface {
  name = 'CreateAccounts1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "name" text,
        "group_id" uuid,
        "type" text,
        "currency" text,
        "on_budget" boolean,
        "closed" boolean,
        "sort_order" integer,
        "note" text,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_feed ON accounts (tenant_id, server_seq)`);
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE accounts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE accounts FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY accounts_tenant_isolation ON accounts
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accounts`);
  }
}
