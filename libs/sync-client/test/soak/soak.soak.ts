import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FaultProxy } from '../faults/fault-proxy';
import { installRowVersionLog } from '../faults/row-versions';
import { SyncTraffic } from '../faults/sync-traffic';
import { startServerProcess, type ServerProcess } from '../support/server';
import { sleep } from '../support/wait';
// tools/testing holds the workspace's shared test tooling (see ../support/server.ts).
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  startOwnPostgresCluster,
  type OwnPostgresCluster,
} from '../../../../tools/testing/own-postgres-cluster';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startOwnRedis, type OwnRedis } from '../../../../tools/testing/own-redis';
import { SOAK_SCHEDULE, type SoakFault } from './fault-schedule';
import { heapGrowth } from './heap-log';
import { SOAK_MODELS, SoakHousehold, type VerifyReport } from './soak-household';

const MINUTES = Number(process.env['SOAK_MINUTES'] ?? 20);
const HOUSEHOLDS = Number(process.env['SOAK_HOUSEHOLDS'] ?? 20);
const DEVICES = Number(process.env['SOAK_DEVICES'] ?? 10);
const SEED = Number(process.env['SOAK_SEED'] ?? 20261207);
const TOKEN_SECONDS = 30;
const MAX_HEAP_GROWTH = 0.1;
const PROBE = resolve(__dirname, '../../../../tools/soak/heap-probe.cjs');

/**
 * The soak: HOUSEHOLDS × DEVICES Node sync clients edit, go offline and come back for MINUTES
 * against two server instances over Redis, on a PostgreSQL cluster of the soak's own, while the
 * schedule kills the servers (SIGKILL), restarts and crashes PostgreSQL, stops Redis, and cuts
 * every connection; access tokens expire every 30 s. At the end every device drains and the
 * checks run: every accepted write is on the server, every mutation took effect once, every
 * device equals the server, and server A's heap grew less than 10 % over the second half.
 */
describe(`soak: ${HOUSEHOLDS * DEVICES} clients in ${HOUSEHOLDS} households for ${MINUTES} min`, () => {
  let cluster: OwnPostgresCluster;
  let redis: OwnRedis;
  let servers: ServerProcess[] = [];
  const proxies: FaultProxy[] = [];
  const households: SoakHousehold[] = [];
  let workDir = '';
  const survived = new Map<SoakFault, number>();

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'finwise-soak-'));
    cluster = await startOwnPostgresCluster();
    redis = await startOwnRedis();
    const env = {
      REDIS_URL: redis.url,
      ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_SECONDS),
      AUTH_RATE_LIMIT: '0',
      HTTP_RATE_LIMIT: '0',
      SOCKET_RATE_LIMIT: '0',
      TENANT_RATE_LIMIT: '0',
    };
    const a = await startServerProcess({
      sharedDatabase: cluster.database,
      env: { ...env, SOAK_HEAP_LOG: join(workDir, 'heap-a.log') },
      nodeArgs: ['--expose-gc', '--require', PROBE],
    });
    const b = await startServerProcess({ sharedDatabase: cluster.database, env });
    servers = [a, b];
    await installRowVersionLog(cluster.database.url, SOAK_MODELS);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(households.map((h) => h.stop()));
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all(servers.map((s) => s.dispose()));
    await redis?.dispose();
    await cluster?.dispose();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }, 180_000);

  it('keeps every accepted write, once, converges every device and holds the heap', async () => {
    const random = seeded(SEED);
    for (let i = 0; i < HOUSEHOLDS; i += 1) {
      const session = await servers[i % 2].signup();
      const paths = await Promise.all(
        servers.map(async (server) => {
          const traffic = new SyncTraffic();
          const proxy = await FaultProxy.start(() => server.port, traffic);
          proxies.push(proxy);
          return { proxy, traffic };
        }),
      );
      households.push(new SoakHousehold(session, paths, DEVICES, TOKEN_SECONDS));
    }
    await Promise.all(households.map((h) => h.start()));

    const started = Date.now();
    const durationMs = MINUTES * 60_000;
    const until = started + durationMs;
    const working = Promise.all(households.map((h) => h.work(until, random)));
    const faulting = (async () => {
      for (const { at, fault } of SOAK_SCHEDULE) {
        const due = started + at * durationMs;
        if (due > Date.now()) await sleep(due - Date.now());
        await inject(fault);
        survived.set(fault, (survived.get(fault) ?? 0) + 1);
        process.stdout.write(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${fault}\n`);
      }
    })();
    await Promise.all([working, faulting]);
    const ended = Date.now();

    if (!redis.running) await redis.start();
    for (const server of servers) if (!server.running) await server.restart();
    const progress = setInterval(
      () => process.stdout.write(`  draining: ${drainState()}\n`),
      15_000,
    );
    try {
      await Promise.all(households.map((h) => h.drain(180_000)));
    } finally {
      clearInterval(progress);
    }

    const reports: VerifyReport[] = [];
    for (const household of households)
      reports.push(await household.verify(servers[0], cluster.database.url));
    const heap = await heapGrowth(join(workDir, 'heap-a.log'), started + durationMs / 2, ended);

    printTable(reports, heap, ended - started);
    expect(reports.flatMap((r) => r.lost)).toEqual([]);
    expect(reports.flatMap((r) => r.effects.problems)).toEqual([]);
    expect(reports.flatMap((r) => r.diverged)).toEqual([]);
    expect(heap.growth).toBeLessThan(MAX_HEAP_GROWTH);
  });

  /** Devices online, changes still queued and rejections shown, over every household. */
  function drainState(): string {
    const statuses = households.flatMap((h) => h.clients.map((client) => client.status()));
    const online = statuses.filter((s) => s.online).length;
    const pending = statuses.reduce((n, s) => n + s.pendingCount, 0);
    const rejections = statuses.reduce((n, s) => n + s.rejections.length, 0);
    return `${online}/${statuses.length} online, ${pending} changes queued, ${rejections} rejections shown`;
  }

  async function inject(fault: SoakFault): Promise<void> {
    switch (fault) {
      case 'kill server A':
      case 'kill server B': {
        const server = servers[fault === 'kill server A' ? 0 : 1];
        await server.stop('SIGKILL');
        await sleep(500);
        await server.restart();
        for (const h of households) h.traffic.forEach((t) => t.forgetPending());
        return;
      }
      case 'restart PostgreSQL':
        return cluster.restart();
      case 'crash PostgreSQL':
        return cluster.crashAndRecover();
      case 'stop Redis':
        return redis.stop();
      case 'start Redis':
        return redis.start();
      case 'cut every connection':
        for (const proxy of proxies) proxy.cutAll();
        return;
    }
  }

  function printTable(
    reports: VerifyReport[],
    heap: Awaited<ReturnType<typeof heapGrowth>>,
    ms: number,
  ) {
    const sum = (pick: (r: VerifyReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
    const counts = households.reduce(
      (n, h) => ({
        offline: n.offline + h.counts.offline,
        deletes: n.deletes + h.counts.deletes,
        refused: n.refused + h.counts.refusedLocally,
      }),
      { offline: 0, deletes: 0, refused: 0 },
    );
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const lines = [
      '',
      `soak: ${HOUSEHOLDS * DEVICES} clients, ${HOUSEHOLDS} households, ${(ms / 60_000).toFixed(1)} min of work, seed ${SEED}`,
      '| fault survived | times |',
      '| --- | --- |',
      ...[...survived].map(([fault, times]) => `| ${fault} | ${times} |`),
      `| device offline and back | ${counts.offline} |`,
      `| access token expired (every ${TOKEN_SECONDS} s, all devices) | ${Math.floor(ms / 1000 / TOKEN_SECONDS)} rounds |`,
      '',
      '| check | result |',
      '| --- | --- |',
      `| writes accepted by devices (deletes included) | ${sum((r) => r.writes)} (${counts.deletes} deletes; ${counts.refused} refused locally) |`,
      `| accepted writes missing on the server | ${sum((r) => r.lost.length)} |`,
      `| mutations checked for a single effect | ${sum((r) => r.effects.mutationsChecked)} |`,
      `| mutations with more than one effect | ${sum((r) => r.effects.doubleEffects)} |`,
      `| devices that differ from the server | ${sum((r) => r.diverged.length)} |`,
      `| server A heap over the second half (after GC) | ${mb(heap.startBytes)} → ${mb(heap.endBytes)} (${(heap.growth * 100).toFixed(1)} %, ${heap.samples} samples) |`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  }
});

/** mulberry32: one seed replays the same choices. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
