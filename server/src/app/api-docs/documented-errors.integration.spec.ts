import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { accounts } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { ErrorCodes } from '@finwise/sync-protocol';
import { DatabaseService } from '../database/database.service';
import { PushService } from '../sync/push/push.service';
import { testDatabaseKinds } from '../../testing/test-database';
import {
  startTestServer,
  TEST_JWT_SECRET,
  type TestServer,
  type TestSession,
} from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

/**
 * The error statuses and protocol codes of docs/api.md and docs/protocol.md that no other suite
 * produces: each is provoked here through the public interface and its documented body checked.
 * (The others live beside the code that raises them: bad-input, auth, entity-rest,
 * tenant-isolation, tombstone-purger and rate-limits suites.)
 */
describe.each(testDatabaseKinds())('documented errors on %s', (kind) => {
  let server: TestServer;
  let session: TestSession;

  beforeAll(async () => {
    server = await startTestServer(kind);
    session = await server.signup();
  });
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** A correctly signed access token for a household that does not exist (deleted, or data reset). */
  const tokenForMissingHousehold = () =>
    new JwtService().sign(
      { sub: session.user.id, tid: randomUUID(), typ: 'access' },
      { secret: TEST_JWT_SECRET, expiresIn: 60 },
    );

  it('403: refuses API calls from a browser origin that is not allowed', async () => {
    const response = await server.request('GET', '/accounts', {
      token: session.accessToken,
      headers: { origin: 'https://evil.example' },
    });
    expect(response).toEqual({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: 'origin not allowed' },
    });
    // Same origin, and scripts without an Origin header, are fine.
    const sameOrigin = await server.request('GET', '/accounts', {
      token: session.accessToken,
      headers: { origin: server.url },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('403: refuses to sign in to a household the user is not a member of', async () => {
    const other = await server.signup();
    const email = session.user.email;
    const response = await server.request('POST', '/auth/login', {
      body: { email, password: 'correct horse battery', tenantId: other.tenant.id },
    });
    expect(response).toMatchObject({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: expect.any(String) },
    });
  });

  it('400 and 413 on the HTTP push twin carry the protocol code in details', async () => {
    const token = session.accessToken;
    const notAList = await server.request('POST', '/sync/push', {
      token,
      body: { mutations: 'nope' },
    });
    expect(notAList.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      details: { code: 'validation' },
    });
    const many = Array.from({ length: 501 }, (_, i) => ({
      mutationId: randomUUID(),
      modelName: 'accounts',
      operation: 'create',
      data: sampleData(accounts, i),
      hlc: `${new Date().toISOString()}-0000-abcdefabcdefabcd`,
    }));
    const tooMany = await server.request('POST', '/sync/push', {
      token,
      body: { mutations: many },
    });
    expect(tooMany).toMatchObject({
      status: 413,
      body: { statusCode: 413, error: 'Payload Too Large', details: { code: 'batch_too_large' } },
    });
    const page = await server.request('GET', '/sync/pull', { token });
    expect(page.body).toMatchObject({ changes: [], hasMore: false, total: 0 });
  });

  it('409 on the HTTP pull twin for a cursor the server no longer serves', async () => {
    const response = await server.request('GET', '/sync/pull?cursor=czzzz', {
      token: session.accessToken,
    });
    expect(response).toMatchObject({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', details: { code: 'resync_required' } },
    });
  });

  it('forbidden: a valid token for a household that no longer exists gets no data', async () => {
    const token = tokenForMissingHousehold();
    // Not a member of it: the handshake is refused with `forbidden` (the client does not refresh).
    await expect(TestSyncClient.connected(server.url, token)).rejects.toThrow(ErrorCodes.forbidden);
    const overHttp = await server.request('GET', '/sync/pull', { token });
    expect(overHttp).toMatchObject({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', details: { code: 'forbidden' } },
    });
  });

  it('internal / 500: an unexpected failure is reported without internals, and the next request works', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const merge = server.app.get(PushService);
    jest.spyOn(merge, 'push').mockRejectedValue(new Error('disk on fire at /var/lib/secret'));
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    try {
      const mutation = client.mutation('accounts', 'create', sampleData(accounts, 1));
      const ack = await client.emit<Record<string, any>>('sync:push', { mutations: [mutation] });
      expect(ack).toEqual({
        error: {
          code: ErrorCodes.internal,
          message: 'the server could not process this request; retry later',
        },
      });
      const overHttp = await server.request('POST', '/sync/push', {
        token: session.accessToken,
        body: { mutations: [mutation] },
      });
      expect(overHttp).toEqual({
        status: 500,
        body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
      });

      jest.restoreAllMocks();
      const retried = await client.emit<Record<string, any>>('sync:push', {
        mutations: [mutation],
      });
      expect(retried['results']).toEqual([
        expect.objectContaining({ mutationId: mutation.mutationId, status: 'applied' }),
      ]);
    } finally {
      client.disconnect();
    }
  });

  it('503: health says so when the database does not answer', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(server.app.get(DatabaseService), 'ping').mockResolvedValue(false);
    expect(await server.request('GET', '/health')).toEqual({
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', message: 'database unreachable' },
    });
  });
});
