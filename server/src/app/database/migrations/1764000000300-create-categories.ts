import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCategories1764000000300 implements MigrationInterface {
  name = 'CreateCategories1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE categories (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "name" text,
        "group_name" text,
        "is_income" boolean,
        "hidden" boolean,
        "sort_order" integer,
        "carry_overspending" boolean,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX categories_feed ON categories (tenant_id, server_seq)`);
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE categories ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE categories FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY categories_tenant_isolation ON categories
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE categories`);
  }
}
