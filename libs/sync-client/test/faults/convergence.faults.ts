import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client as PgClient } from 'pg';
import { sameRecord, type AnyRecord } from '@finwise/sync-protocol';
import { FaultProxy } from './fault-proxy';
import { startServerProcess, TEST_JWT_SECRET, type ServerProcess, type Session } from '../support/server';
import { createSyncClient } from '../../src/lib/create-sync-client';
import type { SyncClient } from '../../src/lib/public-types';
import { newDevice } from '../support/fake-indexeddb';
import { sleep, waitFor } from '../support/wait';
import { CLIENTS, planArb, ROWS, type Step } from './fault-plan';
import { WriteOracle } from './write-oracle';
import { expiredToken } from './expired-token';

const RUNS = Number(process.env['FAULT_RUNS'] ?? 200);
const SEED = Number(process.env['FAULT_SEED'] ?? 20_261_125);
const MODEL = 'categories';

interface Stats {
  cases: number;
  faults: Record<string, number>;
  writesChecked: number;
  lost: number;
}

/**
 * Fault-injection convergence: several Node sync clients of one household write at random
 * while the harness cuts connections, swallows acks, kills the server process (SIGKILL, also
 * mid-batch), terminates its database connections and expires tokens. Oracle: every write a
 * client accepted is in the final state or overridden by a write with a later HLC, and all
 * clients end equal to the server.
 */
describe('convergence under injected faults', () => {
  let server: ServerProcess;
  let proxy: FaultProxy;
  const stats: Stats = { cases: 0, faults: {}, writesChecked: 0, lost: 0 };

  beforeAll(async () => {
    server = await startServerProcess({
      database: 'postgres',
      env: { ACCESS_TOKEN_TTL_SECONDS: '30', AUTH_RATE_LIMIT: '0', HTTP_RATE_LIMIT: '0', SOCKET_RATE_LIMIT: '0', TENANT_RATE_LIMIT: '0' },
    });
    proxy = await FaultProxy.start(() => server.port);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.dispose();
    const faults = Object.entries(stats.faults).map(([kind, n]) => `${kind} ${n}`).join(', ');
    process.stdout.write(
      `\nfault suite: ${stats.cases} runs (seed ${SEED}), faults injected: ${faults || 'none'}; ` +
        `acked writes checked ${stats.writesChecked}, lost ${stats.lost}\n`,
    );
  });

  it(`every accepted write survives and all replicas converge (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        stats.cases += 1;
        await runCase(plan);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 1 },
    );
    expect(stats.lost).toBe(0);
  });

  async function runCase(plan: Step[]): Promise<void> {
    if (!server.running) await server.restart();
    const session = await server.signup();
    const ids = Array.from({ length: ROWS }, () => randomUUID());
    const devices = Array.from({ length: CLIENTS }, () => device(session));
    const oracle = new WriteOracle();
    try {
      await Promise.all(devices.map((d) => d.client.start()));
      for (const step of plan) await perform(step, devices, ids, oracle);
      await heal(devices);
      await converge(session, devices, oracle);
    } finally {
      await Promise.all(devices.map((d) => d.client.stop({ clearLocalData: true }).catch(() => undefined)));
    }
  }

  function device(session: Session) {
    let current = session;
    let expireNext = false;
    const client: SyncClient = createSyncClient({
      url: proxy.url,
      tenantId: session.tenant.id,
      getToken: () => (expireNext ? ((expireNext = false), expiredToken(current, TEST_JWT_SECRET)) : current.accessToken),
      refreshToken: async () => {
        current = { ...current, ...(await server.refresh(current.refreshToken)) };
        return current.accessToken;
      },
      ...newDevice(),
      tuning: { backoffBaseMs: 50, backoffMaxMs: 800, requestTimeoutMs: 4000, leaderLeaseMs: 1000 },
    });
    return { client, expire: () => (expireNext = true) };
  }

  async function perform(step: Step, devices: ReturnType<typeof device>[], ids: string[], oracle: WriteOracle) {
    const count = (kind: string) => (stats.faults[kind] = (stats.faults[kind] ?? 0) + 1);
    switch (step.kind) {
      case 'create':
      case 'update': {
        const table = devices[step.client].client.table<AnyRecord>(MODEL);
        const id = ids[step.row];
        try {
          const row = step.kind === 'create' ? await table.create({ id, ...step.fields }) : await table.update(id, step.fields);
          oracle.recordWrite(id, row, Object.keys(step.fields));
        } catch (error) {
          // Refused locally (unknown or deleted row): nothing was written or queued.
          if (!['not_found', 'deleted'].includes((error as { code?: string }).code ?? '')) throw error;
        }
        return;
      }
      case 'delete':
        await devices[step.client].client.table(MODEL).delete(ids[step.row]);
        oracle.recordDelete(ids[step.row]);
        return;
      case 'offline':
        devices[step.client].client.disconnect();
        return;
      case 'online':
        devices[step.client].client.connect();
        return;
      case 'cut':
        count('connection cut');
        proxy.cutAll();
        return;
      case 'drop-acks':
        count('acks dropped');
        proxy.setMode('drop-responses');
        await sleep(step.ms);
        proxy.cutAll();
        proxy.setMode('pass');
        return;
      case 'kill-server':
        count('server SIGKILL');
        await server.stop('SIGKILL');
        await sleep(50);
        await server.restart();
        return;
      case 'kill-db-connections':
        count('database connections terminated');
        await terminateDatabaseConnections(server.databaseName);
        return;
      case 'expire-token':
        count('token expired');
        devices[step.client].expire();
        proxy.cutAll();
        return;
      case 'pause':
        await sleep(step.ms);
        return;
    }
  }

  async function heal(devices: ReturnType<typeof device>[]): Promise<void> {
    proxy.setMode('pass');
    if (!server.running) await server.restart();
    for (const d of devices) d.client.connect();
    await Promise.all(devices.map((d) => d.client.flush(60_000)));
  }

  async function converge(session: Session, devices: ReturnType<typeof device>[], oracle: WriteOracle): Promise<void> {
    const serverRows = async () => {
      const response = await server.request<{ items: AnyRecord[] }>('GET', `/${MODEL}?includeDeleted=true&limit=1000`, { token: session.accessToken });
      return new Map(response.body.items.map((r) => [r.id, r]));
    };
    const rows = await serverRows();
    const problems = oracle.ids().flatMap((id) => oracle.check(id, rows.get(id)));
    stats.writesChecked += oracle.writes;
    if (problems.length > 0) {
      stats.lost += problems.length;
      throw new Error(`server state differs from the accepted writes:\n${problems.join('\n')}`);
    }
    const live = [...rows.values()].filter((r) => r.deletedAt === null);
    await waitFor(
      async () => {
        for (const d of devices) {
          const local = await d.client.table<AnyRecord>(MODEL).all();
          if (local.length !== live.length) return false;
          if (!live.every((row) => sameRecord(row, local.find((l) => l.id === row.id)))) return false;
        }
        return true;
      },
      20_000,
      'every client to equal the server',
    );
  }
});

async function terminateDatabaseConnections(database: string | null): Promise<void> {
  if (!database) return;
  const admin = new PgClient({ connectionString: process.env['FINWISE_TEST_POSTGRES_ADMIN_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  } finally {
    await admin.end();
  }
}
