import { randomUUID } from 'node:crypto';
import { accounts, budgets } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { RestLimits, type PullPage } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';

/** Path ids, page sizes and pull limits answer the same on every route that takes them. */
describe.each(testDatabaseKinds())('REST and HTTP sync contract on %s', (kind) => {
  let server: TestServer;
  let session: TestSession;
  let client: TestSyncClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    session = await server.signup();
    client = await TestSyncClient.connected(server.url, session.accessToken);
    for (let i = 0; i < 3; i++) {
      const created = await server.request('POST', '/accounts', {
        token: session.accessToken,
        body: sampleData(accounts, i),
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });

  it.each(['GET', 'PATCH', 'DELETE'])(
    '404: %s of a path id that is not a UUID names no row',
    async (method) => {
      for (const model of [accounts.modelName, budgets.modelName]) {
        const body = method === 'PATCH' ? { name: 'x' } : undefined;
        const response = await server.request(method, `/${model}/not-a-uuid`, {
          token: session.accessToken,
          body,
        });
        expect({ method, model, response }).toEqual({
          method,
          model,
          response: {
            status: 404,
            body: {
              statusCode: 404,
              error: 'Not Found',
              message: expect.stringContaining('not-a-uuid not found'),
            },
          },
        });
      }
    },
  );

  it('clamps HTTP pull limits like the socket does, and refuses a limit that is not a number', async () => {
    const pull = (query: string) =>
      server.request('GET', `/sync/pull${query}`, { token: session.accessToken });
    const sizes: Record<string, number> = {};
    for (const limit of ['-5', '0', '1.5', '2.9', '5000', '']) {
      const response = await pull(`?limit=${limit}`);
      expect({ limit, status: response.status }).toEqual({ limit, status: 200 });
      sizes[limit] = (response.body as PullPage).changes.length;
    }
    expect(sizes).toEqual({ '-5': 1, '0': 1, '1.5': 1, '2.9': 2, '5000': 3, '': 3 });
    for (const socketLimit of [-5, 0, 1.5, 2.9, 5000]) {
      const page = (await client.pull(null, socketLimit)) as PullPage;
      expect({ socketLimit, size: page.changes.length }).toEqual({
        socketLimit,
        size: sizes[String(socketLimit)],
      });
    }

    for (const limit of ['abc', '1e3', '0x10']) {
      expect(await pull(`?limit=${limit}`)).toMatchObject({
        status: 400,
        body: { statusCode: 400, details: { code: 'validation' } },
      });
    }
    for (const limit of ['abc', null, true]) {
      expect(await client.emit('sync:pull', { cursor: null, limit })).toEqual({
        error: { code: 'validation', message: 'limit must be a number' },
      });
    }
  });

  it('reads a pull request with the published schema: cursor optional, unknown keys ignored, payload optional', async () => {
    // Each page carries the server's time of its own answer; the rest must be the same.
    const { serverTime: _time, ...all } = (await client.pull(null)) as PullPage;
    expect(all.changes).toHaveLength(3);
    const page = async (body: unknown) => {
      const { serverTime, ...rest } = (await client.emit('sync:pull', body)) as PullPage;
      expect(typeof serverTime).toBe('string');
      return rest;
    };
    expect(await page({})).toEqual(all);
    expect(await page({ cursor: null, since: 'yesterday' })).toEqual(all);
    expect(await page(undefined)).toEqual(all);
    expect(await client.emit('sync:pull', [])).toMatchObject({
      error: { code: 'validation', message: 'pull expects { cursor, limit? }' },
    });
    // A cursor the server never hands out (leading zero) is malformed, not a position.
    expect(await client.emit('sync:pull', { cursor: 'c01' })).toEqual({
      error: { code: 'validation', message: 'malformed cursor' },
    });
  });

  it(`pages REST lists by ${RestLimits.defaultListLimit} by default and up to ${RestLimits.maxListLimit}`, async () => {
    const list = (query: string) =>
      server.request('GET', `/accounts${query}`, { token: session.accessToken });
    expect((await list('')).body.items).toHaveLength(3);
    expect((await list(`?limit=${RestLimits.maxListLimit}`)).status).toBe(200);
    expect(await list(`?limit=${RestLimits.maxListLimit + 1}`)).toMatchObject({
      status: 400,
      body: { message: `limit must be an integer between 1 and ${RestLimits.maxListLimit}` },
    });
    expect((await list('?limit=0')).status).toBe(400);
    // An unknown id still answers 404 after the path check.
    expect(
      (
        await server.request('PATCH', `/accounts/${randomUUID()}`, {
          token: session.accessToken,
          body: { name: 'x' },
        })
      ).status,
    ).toBe(404);
  });
});
