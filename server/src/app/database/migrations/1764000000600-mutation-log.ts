import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MutationLog1764000000600 implements MigrationInterface {
  name = 'MutationLog1764000000600';

  async up(q: QueryRunner): Promise<void> {
    // Which mutation ids a household has already processed, with a digest of their content:
    // a replayed id with a different body is refused instead of half-applied.
    await q.query(`
      CREATE TABLE mutation_log (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        mutation_id uuid NOT NULL,
        digest text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, mutation_id)
      )`);
    await q.query(`CREATE INDEX mutation_log_age ON mutation_log (created_at)`);
    await q.query(`ALTER TABLE mutation_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE mutation_log FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY mutation_log_tenant_isolation ON mutation_log
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mutation_log`);
  }
}
