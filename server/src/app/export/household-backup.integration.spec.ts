import { settingsId, starterCategoryId } from '@finwise/domain';
import { openSnapshotter, type Snapshotter } from '../../testing/database-snapshot';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';
import {
  CHECKING,
  DINING,
  GROCERIES,
  id,
  seedBudget,
  push,
  seedHousehold,
  signUpRows,
  type SeededHousehold,
} from '../../testing/export-household';

describe.each(testDatabaseKinds())('household backup and restore on %s', (kind) => {
  let server: TestServer;
  let snapshots: Snapshotter;
  let source: SeededHousehold;
  const open: TestSyncClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    snapshots = await openSnapshotter(server);
    source = await seedHousehold(server);
    open.push(source.client);
    await seedBudget(source.client);
  });
  afterAll(async () => {
    for (const client of open) client.disconnect();
    await snapshots?.close();
    await server?.stop();
  });

  const backupOf = async (session: TestSession) => {
    const response = await server.request('GET', '/export/household.json', {
      token: session.accessToken,
    });
    expect(response.status).toBe(200);
    return response.body;
  };
  const restore = (session: TestSession, body: unknown) =>
    server.request('POST', '/import/household', { token: session.accessToken, body });

  /** A household as sign-up leaves it, with a device connected. */
  const freshHousehold = async (currency = 'USD') => {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    open.push(client);
    await signUpRows(client, currency);
    // A sign-up category the source household does not have: the restore replaces it.
    await push(client, 'categories', 'create', {
      id: starterCategoryId('holidays'),
      name: 'Holidays',
      groupName: 'Fun',
      isIncome: false,
      hidden: false,
      sortOrder: 5,
    });
    return { session, client };
  };

  it('holds every live row of every entity as id and fields, with the format version', async () => {
    const backup = await backupOf(source.session);
    expect(backup).toMatchObject({ format: 'finwise-household', version: 1, currency: 'EUR' });
    expect(Date.parse(backup.exportedAt)).not.toBeNaN();
    expect(Object.keys(backup.entities).sort()).toEqual(
      [
        'account_groups',
        'accounts',
        'budget_months',
        'budget_moves',
        'budgets',
        'categories',
        'import_settings',
        'payees',
        'reconciliations',
        'settings',
        'transactions',
      ].sort(),
    );
    const ids = (model: string) => backup.entities[model].map((r: { id: string }) => r.id);
    // Deleted rows and accounts are not live: they are not backed up.
    expect(ids('transactions')).not.toContain(id('d8'));
    expect(ids('accounts')).not.toContain(id('a4'));
    expect(ids('transactions')).toHaveLength(8);
    expect(backup.entities['transactions'].find((r: { id: string }) => r.id === id('d3'))).toEqual({
      id: id('d3'),
      accountId: CHECKING,
      date: '2026-01-07',
      amountMinor: -10000,
      payeeId: null,
      importedId: null,
      importedPayee: null,
      notes: 'Trip money',
      categoryId: null,
      cleared: false,
      reconciled: false,
      transferAccountId: id('a2'),
      transferAmountMinor: 15000,
      transferCleared: true,
      transferReconciled: null,
      transferImportedId: 'jp-9',
      parentId: null,
    });
  });

  it('restores into a fresh household exactly, live on its connected devices', async () => {
    const target = await freshHousehold();
    const extra = await TestSyncClient.connected(server.url, target.session.accessToken);
    open.push(extra);
    await extra.catchUp();
    const backup = await backupOf(source.session);

    const response = await restore(target.session, backup);

    expect(response.status).toBe(200);
    expect(response.body.restored).toMatchObject({
      accounts: 3,
      transactions: 8,
      categories: 3,
      budgets: 1,
      budget_moves: 1,
      budget_months: 1,
      reconciliations: 1,
      settings: 1,
      payees: 3,
      account_groups: 1,
    });
    const { exportedAt: _a, ...restored } = await backupOf(target.session);
    const { exportedAt: _b, ...original } = backup;
    expect(restored).toEqual(original);
    // The sign-up category the backup does not hold is gone; the settings took its currency.
    expect(restored.entities.categories.map((c: { id: string }) => c.id)).not.toContain(
      starterCategoryId('holidays'),
    );
    // Another device of the household hears of the restore without asking.
    await extra.waitFor(
      () => extra.row('transactions', id('d4'))?.['parentId'] === id('d2'),
      5000,
      'the restored split line',
    );
    await extra.waitFor(
      () => extra.row('categories', starterCategoryId('holidays'))?.deletedAt != null,
      5000,
      'the replaced sign-up category',
    );
    expect(extra.row('settings', settingsId())?.['budgetCurrency']).toBe('EUR');
    expect(extra.row('categories', DINING)?.['name']).toBe('Dining');
    expect(extra.row('categories', GROCERIES)?.deletedAt).toBeNull();
  });

  it('refuses a household that already holds data with 409, changing nothing', async () => {
    const backup = await backupOf(source.session);
    const before = await snapshots.take();
    const response = await restore(source.session, backup);
    expect(response.status).toBe(409);
    expect(response.body.details.holding).toEqual(
      expect.arrayContaining(['accounts', 'transactions', 'budgets']),
    );
    expect(await snapshots.take()).toEqual(before);
  });

  it.each([
    [
      'a row its schema refuses',
      (b: any) => {
        b.entities.transactions[1].amountMinor = 1.5;
      },
      { entity: 'transactions', id: id('d2') },
    ],
    [
      'a row with a field its entity lacks',
      (b: any) => {
        b.entities.accounts[0].colour = 'red';
      },
      { entity: 'accounts', id: CHECKING },
    ],
    [
      'a row breaking a row rule',
      (b: any) => {
        b.entities.transactions[0].transferAccountId = b.entities.transactions[0].accountId;
      },
      { entity: 'transactions' },
    ],
    [
      "a split line transferring into its parent's account (a rule the merge checks)",
      (b: any) => {
        const line = b.entities.transactions.find((r: { id: string }) => r.id === id('d5'));
        line.transferAccountId = CHECKING;
      },
      { entity: 'transactions', id: id('d5') },
    ],
    [
      'the same row twice',
      (b: any) => {
        b.entities.payees.push(b.entities.payees[0]);
      },
      { entity: 'payees' },
    ],
    [
      'an entity that does not exist',
      (b: any) => {
        b.entities.pets = [];
      },
      { entity: 'pets' },
    ],
    [
      'another format',
      (b: any) => {
        b.format = 'actual-budget';
      },
      {},
    ],
    [
      'another version',
      (b: any) => {
        b.version = 2;
      },
      {},
    ],
    [
      'rows that are not a list',
      (b: any) => {
        b.entities.accounts = {};
      },
      { entity: 'accounts' },
    ],
  ])('refuses %s with 400 validation, changing nothing', async (_what, spoil, details) => {
    const target = await freshHousehold();
    const backup = structuredClone(await backupOf(source.session));
    spoil(backup);
    const before = await snapshots.take();
    const response = await restore(target.session, backup);
    expect(response.status).toBe(400);
    expect(response.body.details).toMatchObject({ code: 'validation', ...details });
    expect(await snapshots.take()).toEqual(before);
  });

  it('refuses a body that is not an object, and needs a token', async () => {
    const target = await freshHousehold();
    expect((await restore(target.session, [1, 2])).status).toBe(400);
    expect((await restore(target.session, 'null')).status).toBe(400);
    expect(
      (await server.request('POST', '/import/household', { body: { format: 'x' } })).status,
    ).toBe(401);
    expect((await server.request('GET', '/export/household.json')).status).toBe(401);
  });

  it('takes a backup larger than the general 1 MB body limit', async () => {
    const target = await freshHousehold();
    const backup = structuredClone(await backupOf(source.session));
    // 6,000 account groups with long names make a body of about 1.5 MB.
    for (let n = 0; n < 6_000; n += 1) {
      backup.entities.account_groups.push({
        id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        name: `${'g'.repeat(180)} ${n}`,
        sortOrder: n,
      });
    }
    expect(JSON.stringify(backup).length).toBeGreaterThan(1_200_000);
    const response = await restore(target.session, backup);
    expect(response.status).toBe(200);
    expect(response.body.restored.account_groups).toBe(6_001);
  });
});
