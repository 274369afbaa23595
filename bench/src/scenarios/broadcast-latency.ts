import type { Scenario } from '../harness/context';
import { openFanOut } from '../harness/fan-out';
import { productSender, rawSender } from '../harness/latency-run';
import { runAlternatingWindows } from '../harness/latency-windows';
import { openFilesLimit } from '../harness/machine';
import { startRawSocketServer } from '../harness/raw-socketio-process';
import { signup } from '../harness/session';
import { recordWindowedLatency } from './latency-figures';

/** Descriptors this process holds besides the sockets (database pool, Node's own, logs). */
const FD_HEADROOM = 256;

/**
 * Scenario 3: N connected clients of one tenant; one writer pushes one change every 20 ms;
 * write→receive latency at the other clients, against a raw Socket.IO server relaying the
 * same broadcast payload to a room. Both servers run side by side with their connections
 * open throughout, and the two sides take turns in short windows (see runAlternatingWindows).
 */
export const broadcastLatency: Scenario = {
  name: 'latency',
  title: '3. broadcast latency',
  async run(context) {
    const { sizes } = context.options;
    checkOpenFilesLimit(Math.max(...sizes.latencyClients));
    for (const clients of sizes.latencyClients) {
      const detail =
        `${clients.toLocaleString('en-US')} clients, 1 change / ${sizes.latencyIntervalMs} ms, ` +
        `${sizes.latencyWindows} × ${sizes.latencyWindowMs / 1000} s per side, alternating`;
      // Undone newest first: sockets before their servers.
      const cleanups: (() => Promise<void>)[] = [];
      try {
        const server = await context.startServer(`latency-${clients}`);
        cleanups.push(() => server.stop());
        const rawServer = await startRawSocketServer({
          bundleDir: context.options.bundleDir,
          cpuProfileDir: context.options.cpuProfileDir,
          label: `latency-${clients}`,
        });
        cleanups.push(() => rawServer.stop());
        const session = await signup(server.url, 'latency');
        const ours = await openFanOut({
          urls: [server.url],
          token: session.accessToken,
          clients,
          sender: productSender,
        });
        cleanups.push(() => ours.close());
        const raw = await openFanOut({
          urls: [rawServer.url],
          token: null,
          clients,
          sender: (writer) => rawSender(writer, session.tenantId),
        });
        cleanups.push(() => raw.close());
        const windows = await runAlternatingWindows({
          sides: { ours, raw },
          windows: sizes.latencyWindows,
          windowMs: sizes.latencyWindowMs,
          intervalMs: sizes.latencyIntervalMs,
          warmupMs: sizes.latencyWarmupMs,
          settle: () => context.settle(),
        });
        recordWindowedLatency(context, {
          scenario: 'latency',
          metric: 'write→receive',
          detail,
          windows,
          baselineName: 'raw Socket.IO room emit',
        });
      } finally {
        for (const cleanup of cleanups.reverse()) await cleanup();
      }
    }
  },
};

/** Both sides' sockets are open at once: fail early, with the reason, where they cannot be. */
function checkOpenFilesLimit(clients: number): void {
  const needed = 2 * (clients + 1) + FD_HEADROOM;
  const limit = openFilesLimit();
  if (limit !== null && limit < needed)
    throw new Error(
      `open-files limit ${limit} is too low for ${clients} clients on each of two servers: ` +
        `this process needs about ${needed} (raise it with ulimit -n)`,
    );
}
