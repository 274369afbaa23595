import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * The change history (FINANCE §6): one row per pushed or REST mutation of a synced row, written
 * by the push path in the same transaction as the rows themselves. It is read per row, newest
 * first, so its one B-tree is that order; like `mutation_log` it is written on every push, so it
 * carries no foreign key (rows are only written under the household's lock, and a statement
 * trigger forgets a deleted household's history) and its age, for the purge, is a BRIN index.
 */
export class ChangeHistory1796510000000 implements MigrationInterface {
  name = 'ChangeHistory1796510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE change_history (
        tenant_id uuid NOT NULL,
        model_name text NOT NULL,
        row_id uuid NOT NULL,
        at timestamptz NOT NULL,
        ordinal smallint NOT NULL,
        hlc text NOT NULL,
        user_id uuid,
        client_id text,
        operation text NOT NULL,
        applied jsonb NOT NULL,
        replaced jsonb,
        lost jsonb
      )`);
    // Unique as well: a batch's mutations share their arrival time and differ in ordinal, and
    // a household's batches are written one after the other under its lock.
    await q.query(
      `CREATE UNIQUE INDEX change_history_row ON change_history (tenant_id, model_name, row_id, at DESC, ordinal DESC)`,
    );
    await q.query(`CREATE INDEX change_history_age ON change_history USING brin (at)`);
    await q.query(`ALTER TABLE change_history ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE change_history FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY change_history_tenant_isolation ON change_history
        USING (tenant_id = ${TENANT}) WITH CHECK (tenant_id = ${TENANT})`);
    // As for mutation_log: forced row-level security binds whoever deletes the household, so
    // each household's history is deleted under that household's own scope.
    await q.query(`
      CREATE FUNCTION change_history_forget_tenants() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        gone uuid;
        declared text := current_setting('app.tenant_id', true);
      BEGIN
        FOR gone IN SELECT id FROM deleted_tenants LOOP
          PERFORM set_config('app.tenant_id', gone::text, true);
          DELETE FROM change_history WHERE tenant_id = gone;
        END LOOP;
        PERFORM set_config('app.tenant_id', coalesce(declared, ''), true);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER change_history_forget_tenants AFTER DELETE ON tenants
        REFERENCING OLD TABLE AS deleted_tenants FOR EACH STATEMENT EXECUTE FUNCTION change_history_forget_tenants()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER change_history_forget_tenants ON tenants`);
    await q.query(`DROP FUNCTION change_history_forget_tenants()`);
    await q.query(`DROP TABLE change_history`);
  }
}
