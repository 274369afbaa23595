import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A per-transaction setting (set_config(…, true)) as SQL; empty or unset is NULL, which matches nothing. */
const setting = (name: string, type: 'uuid' | 'text') =>
  `NULLIF(current_setting('${name}', true), '')${type === 'uuid' ? '::uuid' : ''}`;
const TENANT = setting('app.tenant_id', 'uuid');
const USER = setting('app.user_id', 'uuid');

/**
 * Row-level security for the account tables. Sign-up, login, refresh and join run before the
 * household is known, so besides `app.tenant_id` a transaction may declare the one user, email,
 * refresh-token hash or invite-code hash it works on; a row is visible when it matches one of
 * them. Writes must always belong to the declared household (or, for `users`, be the declared
 * user): knowing a token hash lets a transaction find its row, never move it elsewhere.
 */
export class AccountTablesRowLevelSecurity1764000000700 implements MigrationInterface {
  name = 'AccountTablesRowLevelSecurity1764000000700';

  async up(q: QueryRunner): Promise<void> {
    const policies: [table: string, visible: string, writable: string][] = [
      ['memberships', `tenant_id = ${TENANT} OR user_id = ${USER}`, `tenant_id = ${TENANT}`],
      [
        'invites',
        `tenant_id = ${TENANT} OR code_hash = ${setting('app.invite_code_hash', 'text')}`,
        `tenant_id = ${TENANT}`,
      ],
      [
        'refresh_tokens',
        `tenant_id = ${TENANT} OR token_hash = ${setting('app.refresh_token_hash', 'text')}`,
        `tenant_id = ${TENANT}`,
      ],
      // A household is visible as the declared one or as one the declared user belongs to
      // (the subquery is itself filtered by the memberships policy above).
      [
        'tenants',
        `id = ${TENANT} OR EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = tenants.id AND m.user_id = ${USER})`,
        `id = ${TENANT}`,
      ],
      // Users belong to no household: only the declared user, or the email being signed in, is visible.
      ['users', `id = ${USER} OR email = ${setting('app.user_email', 'text')}`, `id = ${USER}`],
    ];
    for (const [table, visible, writable] of policies) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY ${table}_scope ON ${table} USING (${visible}) WITH CHECK (${writable})`,
      );
    }
    // The tombstone purger visits every household: the one cross-tenant read, and it yields ids
    // only. SECURITY DEFINER runs it as the migration owner; forced row-level security binds an
    // owner too, so the owner (and only the owner — never the serving role) may list households.
    // Execution is granted to the serving role by prepareAppRole.
    await q.query(`
      DO $$ BEGIN
        IF current_user <> 'finwise_app' THEN
          EXECUTE format('CREATE POLICY tenants_owner_lists ON tenants FOR SELECT TO %I USING (true)', current_user);
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION finwise_tenant_ids() RETURNS SETOF uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
        AS $$ SELECT id FROM public.tenants ORDER BY id $$`);
    await q.query(`REVOKE ALL ON FUNCTION finwise_tenant_ids() FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION finwise_tenant_ids()`);
    await q.query(`DROP POLICY IF EXISTS tenants_owner_lists ON tenants`);
    for (const table of ['users', 'tenants', 'refresh_tokens', 'invites', 'memberships']) {
      await q.query(`DROP POLICY ${table}_scope ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
