import { accounts } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { ErrorCodes, SyncEvents } from '@finwise/sync-protocol';
import { DatabaseService } from '../database/database.service';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

/** Every timer stays real: only the clock the server reads for token expiry moves. */
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

const TOKEN_TTL_SECONDS = 30;

/**
 * Errors that need a token or a household in a particular state: a token that expired while its
 * socket was connected, and a household that was deleted while its members were signed in.
 */
describe.each(testDatabaseKinds())('socket and sync-route errors on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    // Short-lived tokens, so the jump past a token's expiry stays inside the client's own ping
    // timeout (45 s): the client shares this process's clock and would otherwise close first.
    server = await startTestServer(kind, { accessTokenTtlSeconds: TOKEN_TTL_SECONDS });
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  /** Deletes a household the way an operator would: its members, tokens and rows go with it. */
  async function deleteHousehold(session: TestSession): Promise<void> {
    const database = server.app.get(DatabaseService);
    await database.inTenantTransaction(session.tenant.id, (manager) =>
      manager.query('DELETE FROM tenants WHERE id = $1', [session.tenant.id]),
    );
  }

  it.each([SyncEvents.push, SyncEvents.pull])(
    'a %s after the token expired, before the disconnect timer fired, is answered unauthorized, not carried out, and the socket is closed',
    async (event) => {
      const session = await server.signup();
      const client = await TestSyncClient.connected(server.url, session.accessToken);
      const expiresAt =
        JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString())['exp'] *
        1000;
      const closed = new Promise<string>((resolve) =>
        client['socket']!.once('disconnect', resolve),
      );
      // The server's expiry timer is due in 30 s; the wall clock it reads jumps past the expiry now.
      jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: expiresAt + 1000 });
      const payload =
        event === SyncEvents.push
          ? { mutations: [client.mutation('accounts', 'create', sampleData(accounts, 1))] }
          : { cursor: null };
      // The call is answered with the reason, then the socket is closed.
      const ack = await client.emit<unknown>(event, payload, 10_000);
      expect(ack).toEqual({ error: { code: 'unauthorized', message: 'token expired' } });
      expect(await closed).toBe('io server disconnect');
      jest.useRealTimers();

      // Nothing was applied: a fresh connection with a fresh token finds the household empty.
      const refreshed = await server.request('POST', '/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      const fresh = await TestSyncClient.connected(server.url, refreshed.body.accessToken);
      try {
        expect(await fresh.pull(null)).toMatchObject({ changes: [], total: 0 });
      } finally {
        fresh.disconnect();
      }
    },
  );

  it('forbidden: pushes from a token of a deleted household are refused on the socket and over HTTP', async () => {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    try {
      await deleteHousehold(session);
      const mutation = client.mutation('accounts', 'create', sampleData(accounts, 2));
      expect(await client.push([mutation])).toEqual({
        error: { code: ErrorCodes.forbidden, message: 'unknown household' },
      });
      const overHttp = await server.request('POST', '/sync/push', {
        token: session.accessToken,
        body: { mutations: [mutation] },
      });
      expect(overHttp).toEqual({
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message: 'unknown household',
          details: { code: ErrorCodes.forbidden },
        },
      });
      // REST writes answer the same; reads find nothing.
      const restCreate = await server.request('POST', '/accounts', {
        token: session.accessToken,
        body: sampleData(accounts, 3),
      });
      expect(restCreate).toEqual(overHttp);
      const restPatch = await server.request('PATCH', `/accounts/${mutation.data.id}`, {
        token: session.accessToken,
        body: { name: 'x' },
      });
      expect(restPatch).toEqual(overHttp);
      const restDelete = await server.request('DELETE', `/accounts/${mutation.data.id}`, {
        token: session.accessToken,
      });
      expect(restDelete).toEqual(overHttp);
    } finally {
      client.disconnect();
    }
  });
});
