import type { Scenario } from '../harness/context';
import { interleavedPush } from '../harness/interleaved-push';
import { openPushRun } from '../harness/protocol-drivers';
import { createRawTable, dropRawTable } from '../harness/raw-postgres';
import { signup } from '../harness/session';
import {
  createMutations,
  describeBatches,
  packBatches,
  transactionRows,
} from '../harness/transaction-rows';

/** Rounds the product and the raw upsert alternate in (see interleavedPush). */
export const PUSH_ROUNDS = 4;

/**
 * Scenario 1: one client pushes N full transaction rows through the socket protocol
 * (validation, merge, mutation log, change feed, ack, broadcast to one listening client)
 * against the raw `unnest` upsert of the same rows in the same batches, in alternating rounds.
 */
export const pushThroughput: Scenario = {
  name: 'push',
  title: '1. push throughput',
  async run(context) {
    const rowCount = context.options.sizes.pushRows;
    const server = await context.primaryServer();
    const session = await signup(server.url, 'push');
    const batches = packBatches(createMutations(transactionRows(rowCount)));
    const detail = `${rowCount.toLocaleString('en-US')} rows, ${describeBatches(batches)}`;
    context.log(detail);

    const raw = await createRawTable(context.database.pool, 'push');
    const runner = await openPushRun(server.url, session, {
      count: 1,
      bundleDir: context.options.bundleDir,
    });
    let run;
    try {
      run = await interleavedPush(context.database.pool, raw, runner, batches, PUSH_ROUNDS);
    } finally {
      await runner.close();
      await dropRawTable(context.database.pool, raw);
    }
    const { oursMs, rawMs, roundRatios } = run;
    context.log(
      `ours ${oursMs.toFixed(0)} ms, raw ${rawMs.toFixed(0)} ms; per round ours ÷ raw time ${roundRatios.map((r) => r.toFixed(2)).join(', ')}`,
    );
    context.record({
      scenario: 'push',
      metric: 'push throughput, 1 listener',
      detail,
      unit: 'rows/s',
      ours: (rowCount * 1000) / oursMs,
      baseline: (rowCount * 1000) / rawMs,
      baselineName: 'raw pg unnest upsert',
      better: 'higher',
      target: { op: '>=', ratio: 0.5 },
      notes: [
        `${roundRatios.length} alternating rounds, ours ÷ raw time per round: ${roundRatios.map((r) => r.toFixed(2)).join(', ')}`,
      ],
    });
    context.loadedTenant = { session, rows: rowCount };
  },
};
