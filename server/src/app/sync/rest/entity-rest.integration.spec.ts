import { randomUUID } from 'node:crypto';
import { budgetId, budgets, categories, transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { formatHlc, type PushAck } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';

describe.each(testDatabaseKinds())('REST per entity on %s', (kind) => {
  let server: TestServer;
  let session: TestSession;
  let listener: TestSyncClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    session = await server.signup();
    listener = await TestSyncClient.connected(server.url, session.accessToken);
  });
  afterAll(async () => {
    listener?.disconnect();
    await server?.stop();
  });

  const call = (method: string, path: string, body?: unknown) =>
    server.request(method, path, { token: session.accessToken, body });

  it('creates (201), merges into an existing id (200), patches, deletes and 404s afterwards', async () => {
    const { id: _ignored, ...fields } = sampleData(categories, 1);
    const created = await call('POST', '/categories', fields);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ ...fields, tenantId: session.tenant.id, deletedAt: null });

    const merged = await call('POST', '/categories', { ...fields, id, name: 'Groceries' });
    expect(merged.status).toBe(200);
    expect(merged.body.name).toBe('Groceries');

    const patched = await call('PATCH', `/categories/${id}`, { hidden: true });
    expect(patched).toMatchObject({ status: 200, body: { hidden: true, name: 'Groceries' } });
    expect((await call('GET', `/categories/${id}`)).body).toEqual(patched.body);

    const deleted = await call('DELETE', `/categories/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      id,
      deletedAt: expect.any(String),
      name: null,
      fieldClocks: {},
    });
    expect((await call('GET', `/categories/${id}`)).status).toBe(404);
    expect((await call('PATCH', `/categories/${id}`, { hidden: false })).status).toBe(404);
    expect((await call('DELETE', `/categories/${id}`)).status).toBe(404);
    expect((await call('POST', '/categories', { ...fields, id })).status).toBe(409);
  });

  it('goes through the change feed and broadcast like a socket write', async () => {
    const before = listener.broadcasts.length;
    const created = await call('POST', '/transactions', sampleData(transactions, 2));
    await listener.waitFor(
      () => listener.broadcasts.length === before + 1,
      5000,
      'the REST broadcast',
    );
    expect(listener.broadcasts.at(-1)!.changes[0]).toMatchObject({
      modelName: 'transactions',
      record: { id: created.body.id },
    });
  });

  it('stamps REST writes after every edit the server has seen, so they win', async () => {
    const row = sampleData(transactions, 3);
    // A client clock 4 minutes ahead (inside the allowed skew) wrote last.
    const ahead = formatHlc({ ms: Date.now() + 240_000, counter: 0, nodeId: 'aaaaaaaaaaaaaaaa' });
    const pushed = (await listener.push([
      listener.mutation('transactions', 'create', row, ahead),
    ])) as PushAck;
    expect(pushed.results[0].status).toBe('applied');
    const patched = await call('PATCH', `/transactions/${row.id}`, { notes: 'from REST' });
    expect(patched.body.notes).toBe('from REST');
    expect(patched.body.updatedAt > ahead).toBe(true);
  });

  it('lists in keyset pages by id, without tombstones unless asked', async () => {
    const session2 = await server.signup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await server.request('POST', '/categories', {
        token: session2.accessToken,
        body: sampleData(categories, i),
      });
      ids.push(response.body.id);
    }
    await server.request('DELETE', `/categories/${ids[0]}`, { token: session2.accessToken });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; next: string | null } } =
        await server.request('GET', `/categories?limit=2${after ? `&after=${after}` : ''}`, {
          token: session2.accessToken,
        });
      seen.push(...page.body.items.map((item) => item.id));
      after = page.body.next;
    } while (after);
    expect(seen).toEqual(ids.slice(1).sort());
    const all = await server.request('GET', '/categories?includeDeleted=true&limit=100', {
      token: session2.accessToken,
    });
    expect(all.body.items).toHaveLength(5);
  });

  it('derives budget ids, keeps budgets undeletable and their identity fixed', async () => {
    const categoryId = randomUUID();
    const created = await call('POST', '/budgets', {
      categoryId,
      month: '2026-11',
      budgetedMinor: 5000,
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(budgetId(categoryId, '2026-11'));
    const again = await call('POST', '/budgets', {
      categoryId,
      month: '2026-11',
      budgetedMinor: 7000,
    });
    expect(again).toMatchObject({ status: 200, body: { budgetedMinor: 7000 } });
    expect(
      (await call('POST', '/budgets', { ...sampleData(budgets, 1), id: randomUUID() })).status,
    ).toBe(400);
    expect((await call('PATCH', `/budgets/${created.body.id}`, { month: '2026-12' })).status).toBe(
      400,
    );
    const deletion = await call('DELETE', `/budgets/${created.body.id}`);
    expect(deletion.status).toBe(400);
    expect(deletion.body.message).toContain('cannot be deleted');
  });

  it('keeps money exact at the limits', async () => {
    for (const amountMinor of [1e15, -1e15, 0, 1]) {
      const response = await call(
        'POST',
        '/transactions',
        sampleData(transactions, 5, { amountMinor }),
      );
      expect(response.status).toBe(201);
      expect((await call('GET', `/transactions/${response.body.id}`)).body.amountMinor).toBe(
        amountMinor,
      );
    }
  });
});
