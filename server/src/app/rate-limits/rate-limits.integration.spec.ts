import { randomUUID } from 'node:crypto';
import { accounts } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
const LIMITS = { httpPerMinute: 40, authPerMinute: 5, socketPerSecond: 10, tenantPerSecond: 15 };
const rest = () => new Promise((resolve) => setTimeout(resolve, 1100));

let addresses = 0;
/** A new client address per request, so the per-address limits stay out of the way. */
const fresh = () => ({
  'x-forwarded-for': `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses++ & 255}`,
});

async function signupFrom(server: TestServer, email = `limits-${randomUUID()}@example.com`) {
  const response = await server.request('POST', '/auth/signup', {
    body: { email, password: 'long enough' },
    headers: fresh(),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  return response.body as { accessToken: string; tenant: { id: string }; user: { email: string } };
}

const pushOne = (server: TestServer, token: string, i: number, headers = fresh()) => {
  const client = new TestSyncClient(server.url, token);
  return server.request('POST', '/sync/push', {
    token,
    headers,
    body: { mutations: [client.mutation('accounts', 'create', sampleData(accounts, i))] },
  });
};

/** Runs a flood and returns its results with how long it took. */
async function timed<T>(flood: () => Promise<T[]>): Promise<{ results: T[]; ms: number }> {
  const started = performance.now();
  const results = await flood();
  return { results, ms: performance.now() - started };
}

/** A token bucket passes its capacity at once plus what refills meanwhile: no more, no less. */
function expectBucket(passed: number, capacity: number, perSecond: number, ms: number) {
  expect(passed).toBeGreaterThanOrEqual(capacity);
  expect(passed).toBeLessThanOrEqual(capacity + Math.ceil((perSecond * ms) / 1000));
}

const TENANT_429 = {
  statusCode: 429,
  error: 'Too Many Requests',
  message: 'too many writes for this household; retry later',
  details: { code: 'rate_limited', retryAfterMs: expect.any(Number) },
};

describe('rate limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(testDatabaseKinds()[0], { rateLimits: LIMITS });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const accountsStored = async (token: string) => {
    const page = await server.request('GET', '/accounts?limit=1000', { token, headers: fresh() });
    return (page.body.items as unknown[]).length;
  };

  it('throttles login attempts per address with 429 and a clear message', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await server.request('POST', '/auth/login', {
            body: { email: 'victim@example.com', password: `guess-${i}` },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await server.request('POST', '/auth/login', {
      body: { email: 'victim@example.com', password: 'x' },
    });
    expect(limited.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'too many requests; slow down and retry later',
    });
    // Ordinary API calls have their own, larger budget.
    expect((await server.request('GET', '/health')).status).toBe(200);
  });

  const BLOCKED_LOGIN = {
    status: 429,
    body: {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'too many failed sign-ins for this account; retry later',
      details: { code: 'rate_limited', retryAfterMs: expect.any(Number) },
    },
  };

  it('throttles failed logins per account and address without locking the owner out elsewhere', async () => {
    const victim = await signupFrom(server);
    const guesser = fresh();
    const login = (password: string, headers = guesser) =>
      server.request('POST', '/auth/login', {
        body: { email: victim.user.email, password },
        headers,
      });
    for (let i = 0; i < 5; i++) expect((await login(`guess-${i}`)).status).toBe(401);
    // From there even the right password is refused now: otherwise guessing would go on.
    expect((await login('long enough')).status).toBe(429);
    // The owner, signing in from elsewhere, is not locked out by someone else's guesses.
    expect((await login('long enough', fresh())).status).toBe(200);
    // Other accounts are unaffected.
    const bystander = await signupFrom(server);
    expect(
      (
        await server.request('POST', '/auth/login', {
          body: { email: bystander.user.email, password: 'long enough' },
          headers: fresh(),
        })
      ).status,
    ).toBe(200);
  });

  it('bounds guesses at one account from many addresses at ten times the per-address budget; a success clears the count', async () => {
    const victim = await signupFrom(server);
    const login = (password: string) =>
      server.request('POST', '/auth/login', {
        body: { email: victim.user.email, password },
        headers: fresh(),
      });
    const guesses = (from: number, count: number) =>
      Promise.all(Array.from({ length: count }, (_, i) => login(`guess-${from + i}`)));
    expect((await guesses(0, 49)).every((r) => r.status === 401)).toBe(true);
    expect((await login('long enough')).status).toBe(200);
    expect((await guesses(100, 50)).every((r) => r.status === 401)).toBe(true);
    const blocked = await login('guess-again');
    expect(blocked).toEqual(BLOCKED_LOGIN);
    expect(blocked.body.details.retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect((await login('long enough')).status).toBe(429);
  });

  it('answers a flood of socket events with rate_limited, per connection and per household', async () => {
    const session = await signupFrom(server);
    const flooder = await TestSyncClient.connected(server.url, session.accessToken);
    const { results: responses, ms } = await timed(() =>
      Promise.all(
        Array.from({ length: 30 }, () =>
          flooder.emit<Record<string, any>>('sync:pull', { cursor: null }),
        ),
      ),
    );
    const limited = responses.filter((r) => r['error']?.code === 'rate_limited');
    expectBucket(responses.length - limited.length, 10, 10, ms);
    expect(limited[0]).toEqual({
      error: {
        code: 'rate_limited',
        message: 'too many requests; retry later',
        details: { retryAfterMs: expect.any(Number) },
      },
    });
    expect(limited[0].error.details.retryAfterMs).toBeGreaterThan(0);

    // A second connection of the same household shares the household budget.
    await rest();
    const second = await TestSyncClient.connected(server.url, session.accessToken);
    const both = await timed(() =>
      Promise.all([
        ...Array.from({ length: 10 }, () =>
          flooder.emit<Record<string, any>>('sync:pull', { cursor: null }),
        ),
        ...Array.from({ length: 10 }, () =>
          second.emit<Record<string, any>>('sync:pull', { cursor: null }),
        ),
      ]),
    );
    expectBucket(both.results.filter((r) => !r['error']).length, 15, 15, both.ms);

    // Refused pushes write nothing: the household holds exactly the acknowledged rows.
    await rest();
    const pushes = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        flooder.push([flooder.mutation('accounts', 'create', sampleData(accounts, i))]),
      ),
    );
    const applied = pushes.filter((p) => 'results' in p).length;
    expect(applied).toBeGreaterThanOrEqual(10);
    expect(applied).toBeLessThan(14);
    expect(
      pushes
        .filter((p) => !('results' in p))
        .every((p) => 'error' in p && p.error.code === 'rate_limited'),
    ).toBe(true);
    await rest();
    expect(await accountsStored(session.accessToken)).toBe(applied);
    flooder.disconnect();
    second.disconnect();
  });

  it('applies the household budget to HTTP pushes, and socket events spend it for REST writes too', async () => {
    const session = await signupFrom(server);
    const token = session.accessToken;
    const { results: pushes, ms } = await timed(() =>
      Promise.all(Array.from({ length: 40 }, (_, i) => pushOne(server, token, i))),
    );
    const accepted = pushes.filter((r) => r.status === 200).length;
    expectBucket(accepted, 15, 15, ms);
    for (const response of pushes.filter((r) => r.status !== 200))
      expect(response).toEqual({ status: 429, body: TENANT_429 });

    // Two connections' events (ten each) empty the household bucket; HTTP writes right after are refused.
    await rest();
    const sockets = await Promise.all([
      TestSyncClient.connected(server.url, token),
      TestSyncClient.connected(server.url, token),
    ]);
    const phase = await timed(async () => {
      const pulls = await Promise.all(
        sockets.flatMap((socket) => Array.from({ length: 10 }, () => socket.pull(null))),
      );
      const answers = await Promise.all([
        ...Array.from({ length: 4 }, (_, i) =>
          server.request('POST', '/accounts', {
            token,
            headers: fresh(),
            body: sampleData(accounts, 100 + i),
          }),
        ),
        ...Array.from({ length: 4 }, (_, i) => pushOne(server, token, 200 + i)),
      ]);
      return [{ pulls, answers }];
    });
    const [{ pulls, answers: writes }] = phase.results;
    sockets.forEach((socket) => socket.disconnect());
    const pulled = pulls.filter((p) => !('error' in p)).length;
    const refused = writes.filter((r) => r.status === 429);
    // Socket events and HTTP writes drew from one bucket: together no more than its capacity
    // plus what refilled while they ran (on a slow machine more refills, so fewer refusals).
    expectBucket(pulled + writes.length - refused.length, 15, 15, phase.ms);
    expect(refused.length).toBeGreaterThanOrEqual(
      Math.max(0, pulled + writes.length - 15 - Math.ceil((15 * phase.ms) / 1000)),
    );
    for (const response of refused) expect(response).toEqual({ status: 429, body: TENANT_429 });
    const written = writes.filter((r) => r.status !== 429);
    expect(written.every((r) => r.status === 200 || r.status === 201)).toBe(true);

    // A pull over HTTP is a sync call like its socket twin: it draws from the same budget.
    await rest();
    const httpPulls = await timed(() =>
      Promise.all(
        Array.from({ length: 40 }, () =>
          server.request('GET', '/sync/pull', { token, headers: fresh() }),
        ),
      ),
    );
    const pullsRefused = httpPulls.results.filter((r) => r.status === 429);
    expectBucket(httpPulls.results.length - pullsRefused.length, 15, 15, httpPulls.ms);
    for (const response of pullsRefused) {
      expect(response).toEqual({
        status: 429,
        body: { ...TENANT_429, message: 'too many sync requests for this household; retry later' },
      });
    }

    // Reads are not writes: they only count against the per-address limit.
    expect((await server.request('GET', '/accounts', { token, headers: fresh() })).status).toBe(
      200,
    );
    await rest();
    expect(await accountsStored(token)).toBe(accepted + written.length);
  });
});

const postgres = testDatabaseKinds().includes('postgres');

(postgres ? describe : describe.skip)(
  'the household budget across two instances over Redis',
  () => {
    let first: TestServer;
    let second: TestServer;
    beforeAll(async () => {
      first = await startTestServer('postgres', {
        rateLimits: { ...LIMITS, httpPerMinute: 0 },
        redisUrl: REDIS_URL,
      });
      second = await startTestServer('postgres', {
        rateLimits: { ...LIMITS, httpPerMinute: 0 },
        redisUrl: REDIS_URL,
        databaseUrl: first.config.databaseUrl,
      });
    });
    afterAll(async () => {
      await second?.stop();
      await first?.stop();
    });

    it('is one budget, not one per instance', async () => {
      const session = await signupFrom(first);
      const { results: responses, ms } = await timed(() =>
        Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            pushOne(i % 2 ? first : second, session.accessToken, i),
          ),
        ),
      );
      const accepted = responses.filter((r) => r.status === 200).length;
      // One bucket per instance would pass twice the capacity.
      expectBucket(accepted, 15, 15, ms);
      expect(responses.filter((r) => r.status === 429)).toHaveLength(40 - accepted);
    });
  },
);
