import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every push writes one log row per mutation, so per-row costs of `mutation_log` are paid
 * hundreds of times a batch. Three of them bought nothing:
 * - the foreign key to `tenants` ran a lookup trigger per row, although a log row is only ever
 *   written while its transaction holds the household's row lock (`ChangeFeed.lock`); deleting
 *   a household still removes its log, now by one statement-level trigger;
 * - the B-tree on `created_at` only serves the nightly purge by age; rows arrive in time order,
 *   which is what a BRIN index summarises for next to nothing;
 * - the digest was 43 characters of base64url; 16 bytes of the same SHA-256 stored as `uuid`
 *   tell replays apart just as well (existing digests are converted, so logged ids still match).
 */
/** SQL: the first 16 bytes of a base64url SHA-256 digest (the old format), as a UUID. */
export const base64urlDigestAsUuid = (column: string) =>
  `encode(substring(decode(rpad(translate(${column}, '-_', '+/'), 44, '='), 'base64') FROM 1 FOR 16), 'hex')::uuid`;

export class LeanMutationLog1796120000000 implements MigrationInterface {
  name = 'LeanMutationLog1796120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mutation_log DROP CONSTRAINT IF EXISTS mutation_log_tenant_id_fkey`);
    await q.query(`DROP INDEX IF EXISTS mutation_log_age`);
    await q.query(`CREATE INDEX mutation_log_age ON mutation_log USING brin (created_at)`);
    await q.query(
      `ALTER TABLE mutation_log ALTER COLUMN digest TYPE uuid USING ${base64urlDigestAsUuid('digest')}`,
    );
    // Runs as whoever deletes the household; forced row-level security binds even the owner, so
    // each household's rows are deleted under that household's own scope.
    await q.query(`
      CREATE FUNCTION mutation_log_forget_tenants() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        gone uuid;
        declared text := current_setting('app.tenant_id', true);
      BEGIN
        FOR gone IN SELECT id FROM deleted_tenants LOOP
          PERFORM set_config('app.tenant_id', gone::text, true);
          DELETE FROM mutation_log WHERE tenant_id = gone;
        END LOOP;
        PERFORM set_config('app.tenant_id', coalesce(declared, ''), true);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER mutation_log_forget_tenants AFTER DELETE ON tenants
        REFERENCING OLD TABLE AS deleted_tenants FOR EACH STATEMENT EXECUTE FUNCTION mutation_log_forget_tenants()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER mutation_log_forget_tenants ON tenants`);
    await q.query(`DROP FUNCTION mutation_log_forget_tenants()`);
    // The shortened digests cannot be lengthened again: a downgrade forgets which ids were
    // processed (TRUNCATE, because row-level security would hide the rows from a DELETE).
    await q.query(`TRUNCATE mutation_log`);
    await q.query(`ALTER TABLE mutation_log ALTER COLUMN digest TYPE text USING digest::text`);
    await q.query(`DROP INDEX mutation_log_age`);
    await q.query(`CREATE INDEX mutation_log_age ON mutation_log (created_at)`);
    await q.query(
      `ALTER TABLE mutation_log ADD FOREIGN KEY (tenant_id) REFERENCES tenants(id) ON DELETE CASCADE`,
    );
  }
}
