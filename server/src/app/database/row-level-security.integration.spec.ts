import { sampleData, transactions } from '@finwise/domain';
import { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';
import { APP_ROLE } from './app-role';
import { DatabaseService } from './database.service';

const postgres = testDatabaseKinds().includes('postgres');

(postgres ? describe : describe.skip)('row-level security on PostgreSQL', () => {
  let server: TestServer;
  let alice: TestSession;
  let bob: TestSession;
  let serving: DataSource;

  beforeAll(async () => {
    server = await startTestServer('postgres');
    alice = await server.signup();
    bob = await server.signup();
    for (const session of [alice, bob]) {
      const client = await TestSyncClient.connected(server.url, session.accessToken);
      await client.push([0, 1, 2].map((i) => client.mutation('transactions', 'create', sampleData(transactions, i))));
      client.disconnect();
    }
    serving = server.app.get(DatabaseService).dataSource;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves as a role that is neither superuser, nor BYPASSRLS, nor table owner', async () => {
    const [role] = await serving.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ name: APP_ROLE, rolsuper: false, rolbypassrls: false });
    const [table] = await serving.query(
      `SELECT tableowner, rowsecurity, (SELECT relforcerowsecurity FROM pg_class WHERE relname = 'transactions') AS forced FROM pg_tables WHERE tablename = 'transactions'`,
    );
    expect(table.tableowner).not.toBe(APP_ROLE);
    expect(table).toMatchObject({ rowsecurity: true, forced: true });
  });

  it('returns nothing to a query that did not declare its tenant', async () => {
    const [row] = await serving.query('SELECT count(*)::int AS n FROM transactions');
    expect(row.n).toBe(0);
  });

  it('shows a transaction only the rows of the tenant it declares, and refuses writes for others', async () => {
    await serving.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [alice.tenant.id]);
      const rows: { tenant_id: string }[] = await manager.query('SELECT tenant_id FROM transactions');
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.tenant_id === alice.tenant.id)).toBe(true);
    });
    await expect(
      serving.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [alice.tenant.id]);
        await manager.query(
          `INSERT INTO transactions (tenant_id, id, created_at, updated_at, field_clocks, server_seq) VALUES ($1, gen_random_uuid(), now(), 'x', '{}', 999999)`,
          [bob.tenant.id],
        );
      }),
    ).rejects.toThrow(/row-level security/);
  });
});
