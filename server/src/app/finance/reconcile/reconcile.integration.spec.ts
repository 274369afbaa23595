import { randomUUID } from 'node:crypto';
import { payeeIdFor } from '@finwise/domain';
import { RECONCILIATION_ADJUSTMENT_PAYEE } from '@finwise/finance';
import type { PushAck } from '@finwise/sync-protocol';
import { openSnapshotter, type Snapshotter } from '../../../testing/database-snapshot';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';

interface Household {
  session: TestSession;
  client: TestSyncClient;
  checking: string;
  savings: string;
}

describe.each(testDatabaseKinds())('POST /api/accounts/:id/reconcile on %s', (kind) => {
  let server: TestServer;
  let snapshots: Snapshotter;
  const open: TestSyncClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    snapshots = await openSnapshotter(server);
  });
  afterAll(async () => {
    for (const client of open) client.disconnect();
    await snapshots?.close();
    await server?.stop();
  });

  async function push(client: TestSyncClient, modelName: string, data: Record<string, unknown>) {
    const id = (data['id'] as string | undefined) ?? randomUUID();
    const ack = (await client.push([
      client.mutation(modelName, 'create', { ...data, id }),
    ])) as PushAck;
    expect(ack.results[0].status).toBe('applied');
    return id;
  }

  async function household(): Promise<Household> {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    open.push(client);
    const account = (name: string) =>
      push(client, 'accounts', {
        name,
        type: 'checking',
        currency: 'EUR',
        onBudget: true,
        closed: false,
        sortOrder: 0,
      });
    return {
      session,
      client,
      checking: await account('Checking'),
      savings: await account('Savings'),
    };
  }

  const row = (h: Household, fields: Record<string, unknown>) =>
    push(h.client, 'transactions', {
      accountId: h.checking,
      date: '2026-11-10',
      amountMinor: -1_000,
      cleared: true,
      reconciled: false,
      ...fields,
    });

  const reconcile = (h: Household, accountId: string, body: unknown) =>
    server.request('POST', `/accounts/${accountId}/reconcile`, {
      token: h.session.accessToken,
      body,
    });

  it('refuses a statement that does not match with 409 and the difference, writing nothing', async () => {
    const h = await household();
    await row(h, { amountMinor: 100_000, date: '2026-11-01' });
    await row(h, { amountMinor: -25_000 });
    await row(h, { amountMinor: -5_000, cleared: false }); // not cleared: not on the statement
    await row(h, { amountMinor: -7_000, date: '2026-12-02' }); // after the statement
    const before = await snapshots.take();

    const response = await reconcile(h, h.checking, {
      statementDate: '2026-11-30',
      statementBalanceMinor: 70_000,
    });

    expect(response.status).toBe(409);
    expect(response.body.details).toEqual({ difference: -5_000 });
    expect(await snapshots.take()).toEqual(before);
  });

  it('marks every counted row reconciled, records the reconciliation and tells other devices', async () => {
    const h = await household();
    const other = await TestSyncClient.connected(server.url, h.session.accessToken);
    open.push(other);
    const income = await row(h, { amountMinor: 100_000, date: '2026-11-01' });
    const spent = await row(h, { amountMinor: -25_000, reconciled: true });
    const open_ = await row(h, { amountMinor: -5_000, cleared: false });
    const later = await row(h, { amountMinor: -7_000, date: '2026-12-02' });
    await other.catchUp();

    const response = await reconcile(h, h.checking, {
      statementDate: '2026-11-30',
      statementBalanceMinor: 75_000,
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      reconciledCount: 2,
      adjustment: null,
      reconciliation: {
        accountId: h.checking,
        statementDate: '2026-11-30',
        statementBalanceMinor: 75_000,
        clearedTotalMinor: 75_000,
        adjustmentId: null,
        deletedAt: null,
      },
    });
    const reconciliationId = response.body.reconciliation.id as string;
    await other.waitFor(() => other.row('reconciliations', reconciliationId) !== undefined);
    await other.waitFor(() => other.row('transactions', income)?.['reconciled'] === true);
    await h.client.catchUp();
    expect(h.client.row('transactions', income)?.['reconciled']).toBe(true);
    expect(h.client.row('transactions', spent)?.['reconciled']).toBe(true);
    expect(h.client.row('transactions', open_)?.['reconciled']).toBe(false);
    expect(h.client.row('transactions', later)?.['reconciled']).toBe(false);
  });

  it('books the difference as a cleared, reconciled adjustment when asked', async () => {
    const h = await household();
    const category = await push(h.client, 'categories', {
      name: 'Bank fees',
      groupName: 'Bills',
      isIncome: false,
      hidden: false,
      sortOrder: 0,
      carryOverspending: false,
    });
    await row(h, { amountMinor: 50_000 });

    const response = await reconcile(h, h.checking, {
      statementDate: '2026-11-30',
      statementBalanceMinor: 49_250,
      createAdjustment: true,
      adjustmentCategoryId: category,
    });

    expect(response.status).toBe(200);
    expect(response.body.reconciledCount).toBe(2);
    expect(response.body.adjustment).toMatchObject({
      accountId: h.checking,
      date: '2026-11-30',
      amountMinor: -750,
      categoryId: category,
      cleared: true,
      reconciled: true,
      payeeId: payeeIdFor(RECONCILIATION_ADJUSTMENT_PAYEE),
    });
    expect(response.body.reconciliation).toMatchObject({
      clearedTotalMinor: 49_250,
      adjustmentId: response.body.adjustment.id,
    });
    await h.client.catchUp();
    expect(h.client.row('payees', payeeIdFor(RECONCILIATION_ADJUSTMENT_PAYEE))).toMatchObject({
      name: RECONCILIATION_ADJUSTMENT_PAYEE,
    });

    // Reconciling again right away: the adjustment is cleared, so the statement matches.
    const again = await reconcile(h, h.checking, {
      statementDate: '2026-11-30',
      statementBalanceMinor: 49_250,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reconciledCount: 2, adjustment: null });
  });

  it("counts a transfer's far side by its own flags and marks transferReconciled", async () => {
    const h = await household();
    const transfer = await row(h, {
      accountId: h.checking,
      amountMinor: -20_000,
      cleared: false,
      transferAccountId: h.savings,
      transferCleared: true,
    });
    const unclearedTransfer = await row(h, {
      accountId: h.checking,
      amountMinor: -3_000,
      cleared: true,
      transferAccountId: h.savings,
      transferCleared: false,
    });

    const response = await reconcile(h, h.savings, {
      statementDate: '2026-11-30',
      statementBalanceMinor: 20_000,
    });

    expect(response.status).toBe(200);
    expect(response.body.reconciledCount).toBe(1);
    await h.client.catchUp();
    expect(h.client.row('transactions', transfer)).toMatchObject({
      reconciled: false,
      transferReconciled: true,
    });
    expect(h.client.row('transactions', unclearedTransfer)?.['transferReconciled']).not.toBe(true);
  });

  it('answers 404 for an unknown, deleted or foreign account and 400 for a bad body, writing nothing', async () => {
    const h = await household();
    const stranger = await household();
    await row(stranger, { amountMinor: 10_000 });
    const deleted = await household();
    const ack = (await deleted.client.push([
      deleted.client.mutation('accounts', 'delete', { id: deleted.checking }),
    ])) as PushAck;
    expect(ack.results[0].status).toBe('applied');
    const before = await snapshots.take();
    const statement = {
      statementDate: '2026-11-30',
      statementBalanceMinor: 0,
      createAdjustment: true,
    };

    for (const [who, accountId] of [
      [h, randomUUID()],
      [h, 'not-a-uuid'],
      [h, stranger.checking],
      [deleted, deleted.checking],
    ] as const) {
      const response = await reconcile(who, accountId, statement);
      expect({ accountId, status: response.status }).toEqual({ accountId, status: 404 });
    }
    const foreignCategory = await reconcile(h, h.checking, {
      ...statement,
      statementBalanceMinor: 1,
      adjustmentCategoryId: randomUUID(),
    });
    expect(foreignCategory.status).toBe(404);

    for (const body of [
      {},
      { statementDate: '2026-02-30', statementBalanceMinor: 0 },
      { statementDate: '2026-11-30', statementBalanceMinor: 1.5 },
      { statementDate: '2026-11-30', statementBalanceMinor: 0, createAdjustment: 'yes' },
      { statementDate: '2026-11-30', statementBalanceMinor: 0, extra: 1 },
      'nope',
    ]) {
      const response = await reconcile(h, h.checking, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect(await snapshots.take()).toEqual(before);
  });
});
