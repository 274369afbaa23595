import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTransactions1764000000400 implements MigrationInterface {
  name = 'CreateTransactions1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE transactions (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at text NOT NULL,
        deleted_at text,
        field_clocks jsonb NOT NULL,
        server_seq bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        "account_id" uuid,
        "date" date,
        "amount_minor" bigint,
        "payee_id" uuid,
        "imported_id" text,
        "imported_payee" text,
        "notes" text,
        "category_id" uuid,
        "cleared" boolean,
        "reconciled" boolean,
        "transfer_account_id" uuid,
        "transfer_amount_minor" bigint,
        "transfer_cleared" boolean,
        "transfer_reconciled" boolean,
        "transfer_imported_id" text,
        "parent_id" uuid,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX transactions_feed ON transactions (tenant_id, server_seq)`);
    // Row-level security: the serving role sees only the tenant its transaction declares.
    await q.query(`ALTER TABLE transactions ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE transactions FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY transactions_tenant_isolation ON transactions
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE transactions`);
  }
}
