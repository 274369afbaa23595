import { accounts, transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import type { PullPage, PushAck } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

describe.each(testDatabaseKinds())('tenant isolation on %s', (kind) => {
  let server: TestServer;
  let alice: TestSession;
  let mallory: TestSession;
  let aliceClient: TestSyncClient;
  let malloryClient: TestSyncClient;
  let secret: ReturnType<typeof sampleData>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    alice = await server.signup();
    mallory = await server.signup();
    aliceClient = await TestSyncClient.connected(server.url, alice.accessToken);
    malloryClient = await TestSyncClient.connected(server.url, mallory.accessToken);
    secret = sampleData(transactions, 7, { notes: 'Alice secret notes' });
    await aliceClient.push([aliceClient.mutation('transactions', 'create', secret)]);
  });
  afterAll(async () => {
    aliceClient?.disconnect();
    malloryClient?.disconnect();
    await server?.stop();
  });

  async function aliceRow() {
    return (await server.request('GET', `/transactions/${secret.id}`, { token: alice.accessToken }))
      .body;
  }

  it('never broadcasts to or serves pulls for another household', async () => {
    await aliceClient.push([aliceClient.mutation('accounts', 'create', sampleData(accounts, 1))]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(malloryClient.broadcasts).toHaveLength(0);
    const page = (await malloryClient.pull(null)) as PullPage;
    expect(page).toMatchObject({ changes: [], total: 0, hasMore: false });
  });

  it('hides the other household from REST reads and writes', async () => {
    const token = mallory.accessToken;
    expect((await server.request('GET', `/transactions/${secret.id}`, { token })).status).toBe(404);
    expect(
      (
        await server.request('PATCH', `/transactions/${secret.id}`, {
          token,
          body: { notes: 'owned' },
        })
      ).status,
    ).toBe(404);
    expect((await server.request('DELETE', `/transactions/${secret.id}`, { token })).status).toBe(
      404,
    );
    expect(
      (await server.request('GET', '/transactions?includeDeleted=true', { token })).body,
    ).toEqual({ items: [], next: null });
    expect((await server.request('GET', '/sync/pull', { token })).body).toMatchObject({
      changes: [],
      total: 0,
    });
    expect(await aliceRow()).toMatchObject({ notes: 'Alice secret notes', deletedAt: null });
  });

  it('ignores foreign row ids and refuses a foreign tenantId in payloads', async () => {
    const partial = (await malloryClient.push([
      malloryClient.mutation('transactions', 'update', { id: secret.id, notes: 'hijacked' }),
    ])) as PushAck;
    expect(partial.results[0]).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    expect(partial.results[0].record).toBeUndefined();

    const withTenant = (await malloryClient.push([
      malloryClient.mutation('transactions', 'update', {
        id: secret.id,
        notes: 'hijacked',
        tenantId: alice.tenant.id,
      } as never),
    ])) as PushAck;
    expect(withTenant.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'validation' },
    });

    // A full record or a delete with a known foreign id lands in Mallory's own household only.
    const full = (await malloryClient.push([
      malloryClient.mutation('transactions', 'create', { ...secret, notes: 'shadow copy' }),
    ])) as PushAck;
    expect(full.results[0]).toMatchObject({
      status: 'applied',
      record: { tenantId: mallory.tenant.id, notes: 'shadow copy' },
    });
    const deletion = (await malloryClient.push([
      malloryClient.mutation('transactions', 'delete', { id: secret.id }),
    ])) as PushAck;
    expect(deletion.results[0]).toMatchObject({
      status: 'applied',
      record: { tenantId: mallory.tenant.id },
    });

    expect(await aliceRow()).toMatchObject({
      notes: 'Alice secret notes',
      deletedAt: null,
      tenantId: alice.tenant.id,
    });
    const alicePage = (await aliceClient.pull(null)) as PullPage;
    expect(alicePage.changes.every((c) => c.record.tenantId === alice.tenant.id)).toBe(true);
    expect(aliceClient.broadcasts).toHaveLength(0);
  });

  it('keeps REST bodies from choosing the tenant', async () => {
    const response = await server.request('POST', '/accounts', {
      token: mallory.accessToken,
      body: { ...sampleData(accounts, 3), tenantId: alice.tenant.id },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('tenantId');
  });
});
