import type { BenchContext, Scenario } from '../harness/context';
import { createHeapProbe, type HeapProbe, type HeapReading } from '../harness/heap-probe';
import { openFilesLimit } from '../harness/machine';
import { startRawSocketServer } from '../harness/raw-socketio-process';
import type { RunningServer } from '../harness/server-process';
import { signup } from '../harness/session';
import { connectManyLean } from '../harness/socket-clients';

const WARMUP_CONNECTIONS = 20;
const SETTLE_MS = 2_000;
/** Descriptors a process holds besides the measured sockets (database pool, Node's own, logs). */
const FD_HEADROOM = 256;
const TARGET = { op: '<=', ratio: 1.3 } as const;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** KiB per connection between two readings of one count. */
interface PerConnection {
  heap: number;
  external: number;
  /** Kept as a note: it also counts pages the allocators keep for reuse, so it is noisy. */
  rss: number;
}

/**
 * Memory per idle connection of one server process at each count. A few connections first, then
 * closed, so lazily loaded code and first-use buffers are not charged to the measured ones; then
 * per count: settle, full GC, heap before; open the connections and leave them idle, settle,
 * full GC, heap after; close them. (after − before) ÷ count.
 */
async function perConnection(
  server: RunningServer,
  probe: HeapProbe,
  token: string | null,
  counts: readonly number[],
  log: (line: string) => void,
): Promise<PerConnection[]> {
  const warm = await connectManyLean([server.url], token, WARMUP_CONNECTIONS);
  await warm.close();
  const results: PerConnection[] = [];
  for (const count of counts) {
    await pause(SETTLE_MS);
    const before = await probe.read(server.pid);
    const group = await connectManyLean([server.url], token, count);
    try {
      await pause(SETTLE_MS);
      const after = await probe.read(server.pid);
      const kib = (key: keyof HeapReading) => (after[key] - before[key]) / count / 1024;
      results.push({ heap: kib('heapUsed'), external: kib('external'), rss: kib('rss') });
      // A heap before that climbs from one count to the next can point at closed sockets left behind.
      log(
        `  ${count}: after GC heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)} MiB, ` +
          `RSS ${mib(before.rss)} → ${mib(after.rss)} MiB`,
      );
    } finally {
      await group.close();
    }
  }
  return results;
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** Fails early, with the reason, where the file-descriptor limit cannot hold the sockets. */
function checkOpenFilesLimit(counts: readonly number[]): void {
  const needed = Math.max(...counts) + WARMUP_CONNECTIONS + FD_HEADROOM;
  const limit = openFilesLimit();
  if (limit !== null && limit < needed)
    throw new Error(
      `open-files limit ${limit} is too low for ${Math.max(...counts)} connections: this ` +
        `process and the server each need about ${needed} (raise it with ulimit -n)`,
    );
}

/** One server process, started with the heap probe, measured at every count, then stopped. */
async function measure(
  context: BenchContext,
  side: string,
  start: (probe: HeapProbe) => Promise<RunningServer>,
  token: (server: RunningServer) => Promise<string | null>,
): Promise<PerConnection[]> {
  const probe = createHeapProbe(context.options.workspaceRoot);
  try {
    const server = await start(probe);
    try {
      context.log(`${side}:`);
      return await perConnection(
        server,
        probe,
        await token(server),
        context.options.sizes.memoryConnections,
        (line) => context.log(line),
      );
    } finally {
      await server.stop();
    }
  } finally {
    await probe.dispose();
  }
}

/** Scenario 4: V8 heap per idle authenticated connection, ours vs a raw Socket.IO server. */
export const memory: Scenario = {
  name: 'memory',
  title: '4. memory per connection',
  async run(context: BenchContext) {
    if (process.platform !== 'linux')
      return context.skip('memory', 'signals the server processes and reads /proc (Linux only)');
    const counts = context.options.sizes.memoryConnections;
    checkOpenFilesLimit(counts);
    const ours = await measure(
      context,
      'ours',
      (probe) => context.startServer('memory', undefined, probe.env, probe.nodeArgs),
      async (server) => (await signup(server.url, 'memory')).accessToken,
    );
    const raw = await measure(
      context,
      'raw',
      (probe) =>
        startRawSocketServer({
          bundleDir: context.options.bundleDir,
          cpuProfileDir: context.options.cpuProfileDir,
          label: 'memory',
          env: probe.env,
          nodeArgs: probe.nodeArgs,
        }),
      () => Promise.resolve(null),
    );
    counts.forEach((count, i) => {
      const [o, r] = [ours[i], raw[i]];
      context.log(
        `${count}: heap ours ${o.heap.toFixed(1)} KiB, raw ${r.heap.toFixed(1)} KiB per connection ` +
          `(RSS growth: ours ${o.rss.toFixed(1)} KiB, raw ${r.rss.toFixed(1)} KiB)`,
      );
      context.record({
        scenario: 'memory',
        metric: 'server heap per idle connection, after full GC',
        detail: `${count.toLocaleString('en-US')} authenticated websocket connections`,
        unit: 'KiB',
        ours: o.heap,
        baseline: r.heap,
        baselineName: 'raw Socket.IO server',
        better: 'lower',
        target: TARGET,
        notes: [
          `RSS growth per connection (after the same GCs): ours ${o.rss.toFixed(1)} KiB, raw ${r.rss.toFixed(1)} KiB`,
          `external (buffers, native) per connection after GC: ours ${o.external.toFixed(1)} KiB, raw ${r.external.toFixed(1)} KiB`,
        ],
      });
    });
  },
};
