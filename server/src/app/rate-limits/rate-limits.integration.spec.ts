import { accounts, sampleData } from '@finwise/domain';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

describe('rate limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(testDatabaseKinds()[0], {
      rateLimits: { httpPerMinute: 40, authPerMinute: 5, socketPerSecond: 10, tenantPerSecond: 15 },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('throttles login attempts per address with 429 and a clear message', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await server.request('POST', '/auth/login', { body: { email: 'victim@example.com', password: `guess-${i}` } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await server.request('POST', '/auth/login', { body: { email: 'victim@example.com', password: 'x' } });
    expect(limited.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'too many requests; slow down and retry later' });
    // Ordinary API calls have their own, larger budget.
    expect((await server.request('GET', '/health')).status).toBe(200);
  });

  it('answers a flood of socket events with rate_limited, per connection and per household', async () => {
    const session = await (async () => {
      // The sign-up budget may be spent by the test above: sign up through a fresh server-side path.
      const response = await server.request('POST', '/auth/signup', {
        body: { email: `flood-${Date.now()}@example.com`, password: 'long enough' },
        headers: { 'x-forwarded-for': '10.9.8.7' },
      });
      return response.body;
    })();
    if (!session.accessToken) throw new Error(`sign-up failed: ${JSON.stringify(session)}`);
    const flooder = await TestSyncClient.connected(server.url, session.accessToken);
    const responses = await Promise.all(Array.from({ length: 30 }, () => flooder.emit<Record<string, any>>('sync:pull', { cursor: null })));
    const limited = responses.filter((r) => r['error']?.code === 'rate_limited');
    expect(responses.length - limited.length).toBe(10);
    expect(limited[0].error.details.retryAfterMs).toBeGreaterThan(0);

    // A second connection of the same household shares the household budget.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await TestSyncClient.connected(server.url, session.accessToken);
    const both = await Promise.all([
      ...Array.from({ length: 10 }, () => flooder.emit<Record<string, any>>('sync:pull', { cursor: null })),
      ...Array.from({ length: 10 }, () => second.emit<Record<string, any>>('sync:pull', { cursor: null })),
    ]);
    expect(both.filter((r) => !r['error']).length).toBe(15);

    // Nothing was written by refused pushes.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const pushes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => flooder.push([flooder.mutation('accounts', 'create', sampleData(accounts, i))])),
    );
    const applied = pushes.filter((p) => 'results' in p).length;
    expect(applied).toBe(10);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const page = (await second.pull(null)) as { total: number };
    expect(page.total).toBe(10);
    flooder.disconnect();
    second.disconnect();
  });
});
