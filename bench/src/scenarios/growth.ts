import type { Scenario } from '../harness/context';
import { interleavedPush, productSide, sideTimes } from '../harness/interleaved-push';
import { openPushRun, pullThroughSocket } from '../harness/protocol-drivers';
import {
  analyze,
  createRawTable,
  dropRawTable,
  rawKeysetRead,
  rawUpsertSide,
} from '../harness/raw-postgres';
import { signup } from '../harness/session';
import { PUSH_ROUNDS } from './push-throughput';
import { createMutations, packBatches, transactionRows } from '../harness/transaction-rows';

/**
 * Scenario 6: how push and pull cost grow with the size of a tenant. For each size, a fresh
 * tenant is pushed full (no listener, alternating with the raw upsert as in scenario 1) and then pulled whole over `sync:pull` (pages of 1,000,
 * nothing stored: the server's side of an initial load); raw baselines: `unnest` upserts into
 * a fresh table and a keyset read of it (after ANALYZE, see `analyze`). Rows are generated per size so memory stays bounded.
 */
export const growth: Scenario = {
  name: 'growth',
  title: '6. growth with data size',
  async run(context) {
    const server = await context.primaryServer();
    const pool = context.database.pool;
    for (const size of context.options.sizes.growthSizes) {
      const detail = `${size.toLocaleString('en-US')} rows`;
      let batches = packBatches(createMutations(transactionRows(size)));
      const raw = await createRawTable(pool, `growth${size}`);
      const session = await signup(server.url, `growth${size}`);
      let push: { oursMs: number; rawMs: number };
      let rawReadMs: number;
      try {
        const runner = await openPushRun(server.url, session, null);
        try {
          const run = await interleavedPush(
            [rawUpsertSide(pool, raw, 'raw'), productSide('ours', runner)],
            batches,
            PUSH_ROUNDS,
          );
          push = { oursMs: sideTimes(run, 'ours').totalMs, rawMs: sideTimes(run, 'raw').totalMs };
        } finally {
          await runner.close();
        }
        batches = [];
        await analyze(pool, raw.name);
        rawReadMs = (await rawKeysetRead(pool, raw.name, raw.tenantId, 1000, false)).ms;
      } finally {
        await dropRawTable(pool, raw);
      }
      const rawPushMs = push.rawMs;
      const pull = await pullThroughSocket(server.url, session);
      if (pull.changes !== size) throw new Error(`pulled ${pull.changes} of ${size} changes`);
      context.log(
        `${detail}: push ours ${push.oursMs.toFixed(0)} ms / raw ${rawPushMs.toFixed(0)} ms; pull ours ${pull.ms.toFixed(0)} ms / raw ${rawReadMs.toFixed(0)} ms`,
      );
      context.record({
        scenario: 'growth',
        metric: 'push throughput, no listener',
        detail,
        unit: 'rows/s',
        ours: (size * 1000) / push.oursMs,
        baseline: (size * 1000) / rawPushMs,
        baselineName: 'raw pg unnest upsert',
        better: 'higher',
        target: null,
      });
      context.record({
        scenario: 'growth',
        metric: 'pull everything over sync:pull',
        detail,
        unit: 's',
        ours: pull.ms / 1000,
        baseline: rawReadMs / 1000,
        baselineName: 'raw pg keyset read',
        better: 'lower',
        target: null,
      });
    }
  },
};
