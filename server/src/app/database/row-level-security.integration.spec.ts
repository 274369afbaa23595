import { createHash } from 'node:crypto';
import { sampleData } from '@finwise/domain/testing';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';
import { SyncedEntityRegistry } from '../sync/tables/synced-entity-registry';
import { APP_ROLE } from './app-role';
import { allTenantIds, declareScope, type DatabaseScope } from './database-scope';
import { DatabaseService } from './database.service';

const postgres = testDatabaseKinds().includes('postgres');

/** Tenant tables that are not synced entities; synced ones come from the entity registry. */
const ACCOUNT_TENANT_TABLES = [
  'mutation_log',
  'change_history',
  'memberships',
  'invites',
  'refresh_tokens',
];
/** Tables with their own scoping rule (the household itself; users belong to none). */
const SCOPED_TABLES = ['tenants', 'users'];

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

(postgres ? describe : describe.skip)('row-level security on PostgreSQL', () => {
  let server: TestServer;
  let alice: TestSession;
  let bob: TestSession;
  let serving: DataSource;
  let owner: Client;
  let tenantTables: string[];

  /** As the serving role, in one transaction declaring `scope` (nothing when empty). */
  const asServer = <T>(scope: DatabaseScope, work: (manager: EntityManager) => Promise<T>) =>
    serving.transaction(async (manager) => {
      await declareScope(manager, scope);
      return work(manager);
    });
  const count = async (scope: DatabaseScope, table: string) =>
    asServer(
      scope,
      async (m) =>
        ((await m.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n,
    );
  /** One existing row of `table` as JSON, read by the owner (who bypasses row-level security). */
  const rowOf = async (table: string, where: string, parameters: unknown[]) =>
    (
      await owner.query(
        `SELECT row_to_json(t) AS row FROM ${table} t WHERE ${where} LIMIT 1`,
        parameters,
      )
    ).rows[0]?.row as Record<string, unknown>;
  /** Re-inserts a copy of `row` as the serving role: refused by RLS, or by the primary key once past it. */
  const insertCopy = (scope: DatabaseScope, table: string, row: Record<string, unknown>) =>
    asServer(scope, (m) =>
      m.query(`INSERT INTO ${table} SELECT * FROM json_populate_record(NULL::${table}, $1)`, [
        JSON.stringify(row),
      ]),
    );

  beforeAll(async () => {
    server = await startTestServer('postgres');
    alice = await server.signup();
    bob = await server.signup();
    const registry = server.app.get(SyncedEntityRegistry);
    for (const session of [alice, bob]) {
      const client = await TestSyncClient.connected(server.url, session.accessToken);
      // One row in every synced table, so every table has something to hide.
      const ack = await client.push(
        registry
          .all()
          .map((table) =>
            client.mutation(table.modelName, 'create', sampleData(table.definition, 1)),
          ),
      );
      expect('results' in ack && ack.results.every((r) => r.status === 'applied')).toBe(true);
      client.disconnect();
      expect(
        (
          await server.request('POST', `/tenants/${session.tenant.id}/invites`, {
            token: session.accessToken,
          })
        ).status,
      ).toBe(201);
    }
    tenantTables = [...registry.all().map((table) => table.tableName), ...ACCOUNT_TENANT_TABLES];
    serving = server.app.get(DatabaseService).dataSource;
    owner = new Client({ connectionString: server.config.databaseUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await server?.stop();
  });

  it('serves as a role that is neither superuser, nor BYPASSRLS, nor owner of any table', async () => {
    const [role] = await serving.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ name: APP_ROLE, rolsuper: false, rolbypassrls: false });
    const owned = await owner.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`,
      [APP_ROLE],
    );
    expect(owned.rows).toEqual([]);
  });

  it('covers every table with a tenant_id column (a generated entity is covered by the registry)', async () => {
    const { rows } = await owner.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([...tenantTables].sort());
  });

  it.each([...ACCOUNT_TENANT_TABLES, ...SCOPED_TABLES])(
    '%s has row-level security enabled and forced',
    async (table) => {
      await expectForced(table);
    },
  );

  it('every synced table has row-level security enabled and forced', async () => {
    for (const table of tenantTables) await expectForced(table);
  });

  async function expectForced(table: string) {
    const { rows } = await owner.query(
      `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = $1::regclass`,
      [table],
    );
    expect({ table, ...rows[0] }).toEqual({
      table,
      relrowsecurity: true,
      relforcerowsecurity: true,
    });
  }

  it('shows nothing to a transaction that declares no scope, in every table, although there are rows', async () => {
    for (const table of [...tenantTables, ...SCOPED_TABLES]) {
      const stored = Number((await owner.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      expect({ table, stored: stored > 0 }).toEqual({ table, stored: true });
      expect({ table, visible: await count({}, table) }).toEqual({ table, visible: 0 });
      // Outside any transaction too (an ad-hoc query on the pool).
      const [{ n }] = await serving.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, visibleOnPool: n }).toEqual({ table, visibleOnPool: 0 });
    }
  });

  it('refuses an INSERT from a transaction that declares no scope, in every table', async () => {
    for (const table of tenantTables) {
      const row = await rowOf(table, 'tenant_id = $1', [alice.tenant.id]);
      await expect(insertCopy({}, table, row)).rejects.toThrow(
        /violates row-level security policy/,
      );
      // With the household declared the same statement gets past RLS to the primary key.
      await expect(insertCopy({ tenantId: alice.tenant.id }, table, row)).rejects.toThrow(
        /duplicate key/,
      );
    }
    const tenant = await rowOf('tenants', 'id = $1', [alice.tenant.id]);
    await expect(insertCopy({}, 'tenants', tenant)).rejects.toThrow(
      /violates row-level security policy/,
    );
    await expect(insertCopy({ tenantId: alice.tenant.id }, 'tenants', tenant)).rejects.toThrow(
      /duplicate key/,
    );
    const user = await rowOf('users', 'id = $1', [alice.user.id]);
    await expect(insertCopy({}, 'users', user)).rejects.toThrow(
      /violates row-level security policy/,
    );
    await expect(insertCopy({ userId: alice.user.id }, 'users', user)).rejects.toThrow(
      /duplicate key/,
    );
  });

  it('shows a household only its own rows and refuses writes into another, in every tenant table', async () => {
    for (const table of tenantTables) {
      const rows: { tenant_id: string }[] = await asServer({ tenantId: alice.tenant.id }, (m) =>
        m.query(`SELECT tenant_id FROM ${table}`),
      );
      expect({
        table,
        some: rows.length > 0,
        own: rows.every((r) => r.tenant_id === alice.tenant.id),
      }).toEqual({ table, some: true, own: true });
      const theirs = await rowOf(table, 'tenant_id = $1', [bob.tenant.id]);
      await expect(insertCopy({ tenantId: alice.tenant.id }, table, theirs)).rejects.toThrow(
        /violates row-level security policy/,
      );
      const updated = await asServer({ tenantId: alice.tenant.id }, (m) =>
        m.query(`UPDATE ${table} SET tenant_id = tenant_id WHERE tenant_id = $1`, [bob.tenant.id]),
      );
      expect({ table, updated: updated[1] }).toEqual({ table, updated: 0 });
    }
    const tenants: { id: string }[] = await asServer({ tenantId: alice.tenant.id }, (m) =>
      m.query('SELECT id FROM tenants'),
    );
    expect(tenants).toEqual([{ id: alice.tenant.id }]);
    // A household sees the user rows of its own members (the members list), and writes none.
    expect(
      await asServer({ tenantId: alice.tenant.id }, (m) => m.query('SELECT id FROM users')),
    ).toEqual([{ id: alice.user.id }]);
    const renamed = await asServer({ tenantId: alice.tenant.id }, (m) =>
      m.query(`UPDATE users SET email = email WHERE id = $1`, [alice.user.id]),
    );
    expect(renamed[1]).toBe(0);
  });

  it('lets the account flows see only what they declare: a user, an email, a token or code hash', async () => {
    const asAlice = { userId: alice.user.id };
    expect(
      await asServer(asAlice, (m) => m.query('SELECT user_id, tenant_id FROM memberships')),
    ).toEqual([{ user_id: alice.user.id, tenant_id: alice.tenant.id }]);
    expect(await asServer(asAlice, (m) => m.query('SELECT id FROM tenants'))).toEqual([
      { id: alice.tenant.id },
    ]);
    expect(await asServer(asAlice, (m) => m.query('SELECT id FROM users'))).toEqual([
      { id: alice.user.id },
    ]);
    expect(await count(asAlice, 'refresh_tokens')).toBe(0);
    expect(await count(asAlice, 'invites')).toBe(0);
    expect(
      await asServer({ userEmail: bob.user.email }, (m) => m.query('SELECT id FROM users')),
    ).toEqual([{ id: bob.user.id }]);

    const byHash = { refreshTokenHash: sha256(alice.refreshToken) };
    expect(await asServer(byHash, (m) => m.query('SELECT user_id FROM refresh_tokens'))).toEqual([
      { user_id: alice.user.id },
    ]);
    // Knowing a token's hash finds the row but cannot move it to another household.
    await expect(
      asServer(byHash, (m) =>
        m.query('UPDATE refresh_tokens SET tenant_id = $1 WHERE token_hash = $2', [
          bob.tenant.id,
          byHash.refreshTokenHash,
        ]),
      ),
    ).rejects.toThrow(/violates row-level security policy/);
  });

  it('lists every household for maintenance through the definer function only', async () => {
    expect((await allTenantIds(serving)).sort()).toEqual([alice.tenant.id, bob.tenant.id].sort());
  });
});
