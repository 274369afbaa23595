import type { Scenario } from '../harness/context';
import { pushThroughSockets } from '../harness/protocol-drivers';
import { createRawTable, dropRawTable, rawUpsert } from '../harness/raw-postgres';
import { signup } from '../harness/session';
import { createMutations, describeBatches, packBatches, transactionRows } from '../harness/transaction-rows';

/**
 * Scenario 1: one client pushes N full transaction rows through the socket protocol
 * (validation, merge, mutation log, change feed, ack, broadcast to one listening client)
 * against the raw `unnest` upsert of the same rows in the same batches.
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
    const rawMs = await rawUpsert(context.database.pool, raw, batches);
    await dropRawTable(context.database.pool, raw);

    const ours = await pushThroughSockets(server.url, session, batches, { count: 1, bundleDir: context.options.bundleDir });
    context.log(`ours ${ours.ms.toFixed(0)} ms (last ack at ${ours.ackMs.toFixed(0)} ms), raw ${rawMs.toFixed(0)} ms`);
    context.record({
      scenario: 'push',
      metric: 'push throughput, 1 listener',
      detail,
      unit: 'rows/s',
      ours: (rowCount * 1000) / ours.ms,
      baseline: (rowCount * 1000) / rawMs,
      baselineName: 'raw pg unnest upsert',
      better: 'higher',
      target: { op: '>=', ratio: 0.5 },
    });
    context.loadedTenant = { session, rows: rowCount };
  },
};
