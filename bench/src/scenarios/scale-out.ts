import { Redis } from 'ioredis';
import type { Scenario } from '../harness/context';
import { measureFanOut } from '../harness/fan-out';
import { productSender, rawSender } from '../harness/latency-run';
import { startRawSocketServer } from '../harness/raw-socketio-process';
import { signup } from '../harness/session';
import { recordLatency } from './latency-figures';

const REDIS_URL = process.env['BENCH_REDIS_URL'] || 'redis://127.0.0.1:6379';

async function redisProblem(): Promise<string | null> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG' ? null : 'Redis did not answer PING';
  } catch (error) {
    return `Redis not reachable at ${REDIS_URL}: ${(error as Error).message}`;
  } finally {
    probe.disconnect();
  }
}

/**
 * Scenario 5: scenario 3 over two server instances sharing one database and Redis. Receivers
 * alternate between the instances, the writer is on the first, so half the deliveries cross
 * Redis. Baseline: two raw Socket.IO servers with the same Redis adapter (own channel key).
 */
export const scaleOut: Scenario = {
  name: 'scaleout',
  title: '5. scale-out over Redis',
  async run(context) {
    const problem = await redisProblem();
    if (problem) return context.skip('scaleout', problem);
    const { sizes } = context.options;
    for (const clients of sizes.latencyClients) {
      await context.settle();
      const detail = `2 instances, ${clients.toLocaleString('en-US')} clients, 1 change / ${sizes.latencyIntervalMs} ms for ${sizes.latencyDurationMs / 1000} s`;
      const first = await context.startServer(`scaleout-a-${clients}`, REDIS_URL);
      const second = await context
        .startServer(`scaleout-b-${clients}`, REDIS_URL)
        .catch(async (error: unknown) => {
          await first.stop();
          throw error;
        });
      let ours;
      let tenantId: string;
      try {
        const session = await signup(first.url, 'scaleout');
        tenantId = session.tenantId;
        ours = await measureFanOut({
          urls: [first.url, second.url],
          token: session.accessToken,
          clients,
          sender: productSender,
          sizes,
        });
      } finally {
        await first.stop();
        await second.stop();
      }
      await context.settle();
      const key = `finwise-bench-raw-${process.pid}-${Date.now()}`;
      const rawFirst = await startRawSocketServer({
        bundleDir: context.options.bundleDir,
        cpuProfileDir: context.options.cpuProfileDir,
        label: 'scaleout-a',
        redisUrl: REDIS_URL,
        redisKey: key,
      });
      let raw;
      try {
        const rawSecond = await startRawSocketServer({
          bundleDir: context.options.bundleDir,
          cpuProfileDir: context.options.cpuProfileDir,
          label: 'scaleout-b',
          redisUrl: REDIS_URL,
          redisKey: key,
        });
        try {
          raw = await measureFanOut({
            urls: [rawFirst.url, rawSecond.url],
            token: null,
            clients,
            sender: (writer) => rawSender(writer, tenantId),
            sizes,
          });
        } finally {
          await rawSecond.stop();
        }
      } finally {
        await rawFirst.stop();
      }
      recordLatency(context, {
        scenario: 'scaleout',
        metric: 'write→receive',
        detail,
        ours,
        raw,
        baselineName: 'raw Socket.IO + Redis adapter',
      });
    }
  },
};
