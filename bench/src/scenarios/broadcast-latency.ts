import type { Scenario } from '../harness/context';
import { measureFanOut } from '../harness/fan-out';
import { productSender, rawSender } from '../harness/latency-run';
import { startRawSocketServer } from '../harness/raw-socketio-process';
import { signup } from '../harness/session';
import { recordLatency } from './latency-figures';

/**
 * Scenario 3: N connected clients of one tenant; one writer pushes one change every 20 ms;
 * write→receive latency at the other clients, against a raw Socket.IO server relaying the
 * same broadcast payload to a room. Each side gets a freshly started server process.
 */
export const broadcastLatency: Scenario = {
  name: 'latency',
  title: '3. broadcast latency',
  async run(context) {
    const { sizes } = context.options;
    for (const clients of sizes.latencyClients) {
      await context.settle();
      const detail = `${clients.toLocaleString('en-US')} clients, 1 change / ${sizes.latencyIntervalMs} ms for ${sizes.latencyDurationMs / 1000} s`;
      const server = await context.startServer(`latency-${clients}`);
      let ours;
      let tenantId: string;
      try {
        const session = await signup(server.url, 'latency');
        tenantId = session.tenantId;
        ours = await measureFanOut({
          urls: [server.url],
          token: session.accessToken,
          clients,
          sender: productSender,
          sizes,
        });
      } finally {
        await server.stop();
      }
      await context.settle();
      const rawServer = await startRawSocketServer({
        bundleDir: context.options.bundleDir,
        cpuProfileDir: context.options.cpuProfileDir,
        label: `latency-${clients}`,
      });
      let raw;
      try {
        raw = await measureFanOut({
          urls: [rawServer.url],
          token: null,
          clients,
          sender: (writer) => rawSender(writer, tenantId),
          sizes,
        });
      } finally {
        await rawServer.stop();
      }
      recordLatency(context, {
        scenario: 'latency',
        metric: 'write→receive',
        detail,
        ours,
        raw,
        baselineName: 'raw Socket.IO room emit',
      });
    }
  },
};
