import type { BenchContext, Scenario } from '../harness/context';
import { processRssBytes } from '../harness/machine';
import { startRawSocketServer } from '../harness/raw-socketio-process';
import type { RunningServer } from '../harness/server-process';
import { signup } from '../harness/session';
import { connectManyLean } from '../harness/socket-clients';

const WARMUP_CONNECTIONS = 20;
const SETTLE_MS = 2_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * RSS growth of a server process per idle connection: a few connections first (so lazily
 * loaded code and first-use buffers are not charged to the measured ones), then N idle
 * authenticated sockets, RSS before and after, both read from /proc after a settle time.
 */
async function kibPerConnection(
  server: RunningServer,
  token: string | null,
  connections: number,
): Promise<number> {
  const warm = await connectManyLean([server.url], token, WARMUP_CONNECTIONS);
  await warm.close();
  await pause(SETTLE_MS);
  const before = processRssBytes(server.pid);
  const group = await connectManyLean([server.url], token, connections);
  try {
    await pause(SETTLE_MS);
    return (processRssBytes(server.pid) - before) / connections / 1024;
  } finally {
    await group.close();
  }
}

/** Scenario 4: memory per idle authenticated connection, ours vs a raw Socket.IO server. */
export const memory: Scenario = {
  name: 'memory',
  title: '4. memory per connection',
  async run(context: BenchContext) {
    if (process.platform !== 'linux')
      return context.skip('memory', 'reads RSS from /proc (Linux only)');
    const connections = context.options.sizes.memoryConnections;
    const server = await context.startServer('memory');
    let ours: number;
    try {
      const session = await signup(server.url, 'memory');
      ours = await kibPerConnection(server, session.accessToken, connections);
    } finally {
      await server.stop();
    }
    const raw = await startRawSocketServer({
      bundleDir: context.options.bundleDir,
      cpuProfileDir: context.options.cpuProfileDir,
      label: 'memory',
    });
    let baseline: number;
    try {
      baseline = await kibPerConnection(raw, null, connections);
    } finally {
      await raw.stop();
    }
    context.log(`ours ${ours.toFixed(1)} KiB, raw ${baseline.toFixed(1)} KiB per connection`);
    context.record({
      scenario: 'memory',
      metric: 'server RSS per idle connection',
      detail: `${connections.toLocaleString('en-US')} authenticated websocket connections`,
      unit: 'KiB',
      ours,
      baseline,
      baselineName: 'raw Socket.IO server',
      better: 'lower',
      target: null,
    });
  },
};
