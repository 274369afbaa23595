import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client as PgClient } from 'pg';
import { sameRecord, type AnyRecord } from '@finwise/sync-protocol';
import { FaultProxy } from './fault-proxy';
import { HeapProbe } from './heap-probe';
import {
  startServerProcess,
  TEST_JWT_SECRET,
  type ServerProcess,
  type Session,
} from '../support/server';
import { createSyncClient } from '../../src/lib/create-sync-client';
import type { SyncClient } from '../../src/lib/public-types';
import { newDevice } from '../support/fake-indexeddb';
import { sleep, waitFor } from '../support/wait';
import { checkEffects } from './effect-oracle';
import { accessToken, expiredToken } from './expired-token';
import { CLIENTS, fieldsFor, MODELS, modelOfRow, planArb, ROWS, type Step } from './fault-plan';
import { installRowVersionLog, readServerRecord } from './row-versions';
import { SyncTraffic } from './sync-traffic';
import { WriteOracle } from './write-oracle';

const RUNS = Number(process.env['FAULT_RUNS'] ?? 200);
const SEED = Number(process.env['FAULT_SEED'] ?? 20_261_125);
/** Replays one case of a failed run: the `path` fast-check printed (e.g. FAULT_PATH=525). */
const PATH = process.env['FAULT_PATH'];
/** The shortest lifetime the server accepts: long cases see real expiry too. */
const ACCESS_TOKEN_TTL_SECONDS = 5;

interface Stats {
  cases: number;
  faults: Record<string, number>;
  killsAfterPush: number;
  killsHitInFlightPush: number;
  writesChecked: number;
  mutationsChecked: number;
  lost: number;
  doubleEffects: number;
}

type Device = ReturnType<typeof makeDevice>;

/**
 * Fault-injection convergence: several Node sync clients of one household write to two
 * entities at random while the harness cuts connections, swallows acks, kills the server
 * process (SIGKILL: at random moments, and right after a push frame reached it), terminates
 * its database connections and expires tokens (refused handshakes, and sockets the server
 * must drop when their token runs out). Oracles: every write a client accepted is in the final
 * state or overridden by a write with a later HLC; all clients end equal to the server; and,
 * from every row version the server wrote, no mutation had two effects.
 */
describe('convergence under injected faults', () => {
  let server: ServerProcess;
  let proxy: FaultProxy;
  const traffic = new SyncTraffic();
  const heap = new HeapProbe();
  const stats: Stats = {
    cases: 0,
    faults: {},
    killsAfterPush: 0,
    killsHitInFlightPush: 0,
    writesChecked: 0,
    mutationsChecked: 0,
    lost: 0,
    doubleEffects: 0,
  };
  const count = (kind: string, n = 1) => (stats.faults[kind] = (stats.faults[kind] ?? 0) + n);
  /** Until when a short-lived token handed out in this case may still be running. */
  let expiryDeadline = 0;

  beforeAll(async () => {
    server = await startServerProcess({
      database: 'postgres',
      env: {
        ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
        AUTH_RATE_LIMIT: '0',
        HTTP_RATE_LIMIT: '0',
        SOCKET_RATE_LIMIT: '0',
        TENANT_RATE_LIMIT: '0',
      },
    });
    if (server.databaseUrl) await installRowVersionLog(server.databaseUrl, MODELS);
    proxy = await FaultProxy.start(() => server.port, traffic);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.dispose();
    const faults = Object.entries(stats.faults)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    process.stdout.write(
      `\nfault suite: ${stats.cases} runs (seed ${SEED}) on ${server?.database ?? '?'}; faults injected: ${faults || 'none'}; ` +
        `SIGKILLs right after a push: ${stats.killsAfterPush}, of which ${stats.killsHitInFlightPush} hit a push in flight; ` +
        `sockets the server closed at token expiry: ${traffic.serverDisconnects}; ` +
        `acked writes checked ${stats.writesChecked}, lost ${stats.lost}; mutations checked ${stats.mutationsChecked}, double effects ${stats.doubleEffects}; ` +
        `${heap.summary()}\n`,
    );
  });

  it(`every accepted write survives, once, and all replicas converge (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        stats.cases += 1;
        await runCase(plan);
        heap.afterCase(stats.cases);
      }),
      {
        numRuns: RUNS,
        seed: SEED,
        endOnFailure: true,
        verbose: 1,
        ...(PATH ? { path: PATH } : {}),
      },
    );
    expect(stats.lost).toBe(0);
    expect(stats.doubleEffects).toBe(0);
    // A long run that never managed to kill mid-push or to outlive a token tested less than it claims.
    if (RUNS >= 100) {
      expect(stats.killsHitInFlightPush).toBeGreaterThan(0);
      expect(traffic.serverDisconnects).toBeGreaterThan(0);
    }
  });

  async function runCase(plan: Step[]): Promise<void> {
    if (!server.running) await server.restart();
    traffic.reset();
    const session = await server.signup();
    const ids = Array.from({ length: ROWS }, () => randomUUID());
    const devices = Array.from({ length: CLIENTS }, (_, i) =>
      makeDevice(server, proxy.url, session, i === 0),
    );
    const oracle = new WriteOracle();
    try {
      await Promise.all(devices.map((d) => d.client.start()));
      for (const step of plan) await perform(step, devices, ids, oracle);
      await heal(devices);
      await converge(session, devices, oracle);
    } finally {
      await Promise.all(
        devices.map((d) => d.client.stop({ clearLocalData: true }).catch(() => undefined)),
      );
    }
  }

  async function write(
    device: Device,
    oracle: WriteOracle,
    ids: string[],
    row: number,
    kind: 'create' | 'update',
    fields: object,
  ) {
    const model = modelOfRow(row);
    const table = device.client.table<AnyRecord>(model);
    const data = fieldsFor(model, fields);
    try {
      const stored =
        kind === 'create'
          ? await table.create({ id: ids[row], ...data })
          : await table.update(ids[row], data);
      oracle.recordWrite(ids[row], stored, Object.keys(data));
    } catch (error) {
      // Refused locally (unknown or deleted row): nothing was written or queued.
      if (!['not_found', 'deleted'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }

  async function perform(step: Step, devices: Device[], ids: string[], oracle: WriteOracle) {
    switch (step.kind) {
      case 'create':
      case 'update':
        return write(devices[step.client], oracle, ids, step.row, step.kind, step.fields);
      case 'delete':
        await devices[step.client].client.table(modelOfRow(step.row)).delete(ids[step.row]);
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
        count('server SIGKILL at a random moment');
        await server.stop('SIGKILL');
        await sleep(50);
        await server.restart();
        traffic.forgetPending();
        return;
      case 'kill-mid-push':
        return killRightAfterPush(step, devices, ids, oracle);
      case 'kill-db-connections': {
        const terminated = await terminateDatabaseConnections(server.databaseName);
        if (terminated > 0) count('database connections terminated');
        return;
      }
      case 'expire-token':
        count('expired token at the handshake');
        devices[step.client].useNextToken('expired');
        proxy.cutAll();
        return;
      case 'short-token':
        count('token expiring within the case');
        devices[step.client].useNextToken(step.seconds);
        proxy.cutAll();
        devices[step.client].client.connect();
        // Reconnecting takes up to a backoff step; the case goes on meanwhile.
        expiryDeadline = Math.max(expiryDeadline, Date.now() + step.seconds * 1000 + 800);
        return;
      case 'pause':
        await sleep(step.ms);
        return;
    }
  }

  /**
   * Kills the server `delayMs` after the next push frame was forwarded to it — while it reads,
   * merges or commits that batch — and counts whether a push was really unanswered then.
   */
  async function killRightAfterPush(
    step: Extract<Step, { kind: 'kill-mid-push' }>,
    devices: Device[],
    ids: string[],
    oracle: WriteOracle,
  ) {
    count('server SIGKILL right after a push');
    stats.killsAfterPush += 1;
    const killed = new Promise<boolean>((resolve) => {
      const kill = () => {
        const inFlight = traffic.inFlight > 0;
        void server.stop('SIGKILL');
        resolve(inFlight);
      };
      const fallback = setTimeout(() => {
        traffic.cancelNextPush();
        kill();
      }, 1500);
      traffic.whenNextPushForwarded(() => {
        clearTimeout(fallback);
        if (step.delayMs === 0) kill();
        else setTimeout(kill, step.delayMs);
      });
    });
    devices[step.client].client.connect();
    await write(devices[step.client], oracle, ids, step.row, 'create', step.fields);
    if (await killed) stats.killsHitInFlightPush += 1;
    await server.stop('SIGKILL');
    await sleep(50);
    await server.restart();
    traffic.forgetPending();
  }

  async function heal(devices: Device[]): Promise<void> {
    // Let short-lived tokens run out while their sockets are open: the server must drop them.
    if (expiryDeadline > Date.now()) await sleep(expiryDeadline - Date.now());
    proxy.setMode('pass');
    if (!server.running) await server.restart();
    for (const d of devices) d.client.connect();
    try {
      await Promise.all(devices.map((d) => d.client.flush(60_000)));
    } catch (error) {
      // Say what each device was doing, so a stall can be told from a lost ack or a sign-out.
      const states = devices.map((d, i) => {
        const { online, pendingCount, rejections } = d.client.status();
        return (
          `device ${i}: online ${online}, leader ${d.client.isLeader()}, ${pendingCount} queued, ` +
          `${rejections.length} rejections, refreshes ${d.refreshes.calls} ` +
          `(last failure: ${d.refreshes.lastFailure ?? 'none'})`
        );
      });
      throw new Error(`${(error as Error).message}\n${states.join('\n')}`);
    }
  }

  async function converge(session: Session, devices: Device[], oracle: WriteOracle): Promise<void> {
    // Case tokens may have expired by now: read with a fresh one.
    const token = accessToken(session, TEST_JWT_SECRET, 60);
    const rows = new Map<string, AnyRecord>();
    const liveByModel = new Map<string, AnyRecord[]>();
    for (const model of MODELS) {
      const response = await server.request<{ items: AnyRecord[] }>(
        'GET',
        `/${model}?includeDeleted=true&limit=1000`,
        { token },
      );
      if (response.status !== 200 || !Array.isArray(response.body?.items))
        throw new Error(
          `listing ${model} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      for (const row of response.body.items) rows.set(row.id, row);
      liveByModel.set(
        model,
        response.body.items.filter((r) => r.deletedAt === null),
      );
    }
    const problems = oracle.ids().flatMap((id) => oracle.check(id, rows.get(id)));
    stats.writesChecked += oracle.writes;
    if (problems.length > 0) {
      stats.lost += problems.length;
      throw new Error(`server state differs from the accepted writes:\n${problems.join('\n')}`);
    }
    if (server.databaseUrl) {
      const report = checkEffects(
        await readServerRecord(server.databaseUrl, session.tenant.id),
        traffic,
        oracle.hlcs,
      );
      stats.mutationsChecked += report.mutationsChecked;
      stats.doubleEffects += report.doubleEffects;
      if (report.problems.length > 0)
        throw new Error(
          `mutations did not take effect exactly once:\n${report.problems.join('\n')}`,
        );
    }
    await waitFor(
      async () => {
        for (const d of devices) {
          for (const [model, live] of liveByModel) {
            const local = await d.client.table<AnyRecord>(model).all();
            if (local.length !== live.length) return false;
            if (
              !live.every((row) =>
                sameRecord(
                  row,
                  local.find((l) => l.id === row.id),
                ),
              )
            )
              return false;
          }
        }
        return true;
      },
      20_000,
      'every client to equal the server',
    );
  }
});

/**
 * One device of the case's user. The first refreshes through the real `/api/auth/refresh`
 * (rotation: one chain per login, so only one device may use it); the others get tokens signed
 * with the server's secret, as a second login would give them, without a second password hash
 * per case.
 */
function makeDevice(server: ServerProcess, url: string, session: Session, realRefresh: boolean) {
  let current = session;
  let nextToken: 'expired' | number | null = null;
  const refreshes: { calls: number; lastFailure: string | null } = { calls: 0, lastFailure: null };
  const client: SyncClient = createSyncClient({
    url,
    tenantId: session.tenant.id,
    getToken: () => {
      const next = nextToken;
      nextToken = null;
      if (next === 'expired') return expiredToken(current, TEST_JWT_SECRET);
      if (typeof next === 'number') return accessToken(current, TEST_JWT_SECRET, next);
      return current.accessToken;
    },
    refreshToken: async () => {
      refreshes.calls += 1;
      current = realRefresh
        ? {
            ...current,
            ...(await server.refresh(current.refreshToken).catch((error: Error) => {
              refreshes.lastFailure = error.message;
              throw error;
            })),
          }
        : {
            ...current,
            accessToken: accessToken(current, TEST_JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS),
          };
      return current.accessToken;
    },
    ...newDevice(),
    tuning: { backoffBaseMs: 50, backoffMaxMs: 800, requestTimeoutMs: 4000, leaderLeaseMs: 1000 },
  });
  /** The next handshake uses an expired token, or one that expires in that many seconds. */
  const useNextToken = (token: 'expired' | number) => (nextToken = token);
  return { client, useNextToken, refreshes };
}

/** Terminates the server's connections to its database; returns how many there were. */
async function terminateDatabaseConnections(database: string | null): Promise<number> {
  if (!database) return 0;
  const admin = new PgClient({
    connectionString:
      process.env['FINWISE_TEST_POSTGRES_ADMIN_URL'] ||
      'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  try {
    const result = await admin.query(
      'SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return result.rows.filter((row) => row.done).length;
  } finally {
    await admin.end();
  }
}
