import type { Scenario } from '../harness/context';
import { countingCpu, type CpuUse } from '../harness/cpu-time';
import { interleavedPush } from '../harness/interleaved-push';
import { openPushRun, type PushRunner } from '../harness/protocol-drivers';
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
 * Rounds of scenario 1, where three sides take turns (raw, history on, history off): a multiple
 * of three, so each side goes first, second and last equally often.
 */
const HISTORY_ROUNDS = 6;

/** Recording the change history may cost at most 15 % of push throughput (FINANCE §6). */
const HISTORY_TARGET = 0.85;

/**
 * Scenario 1: one client pushes N full transaction rows through the socket protocol
 * (validation, merge, mutation log, change history, change feed, ack, broadcast to one
 * listening client) against the raw `unnest` upsert of the same rows in the same batches, in
 * alternating rounds. A second server on the same database runs with the change history
 * switched off (`FINWISE_HISTORY=off`) and takes the same turns with the same batches, into a
 * household of its own, so the cost of recording is measured in the same run.
 */
export const pushThroughput: Scenario = {
  name: 'push',
  title: '1. push throughput',
  async run(context) {
    const rowCount = context.options.sizes.pushRows;
    const server = await context.primaryServer();
    const historyOff = await context.startServer('history-off', undefined, {
      FINWISE_HISTORY: 'off',
    });
    const session = await signup(server.url, 'push');
    const batches = packBatches(createMutations(transactionRows(rowCount)));
    const detail = `${rowCount.toLocaleString('en-US')} rows, ${describeBatches(batches)}`;
    context.log(detail);

    const raw = await createRawTable(context.database.pool, 'push');
    const listeners = { count: 1, bundleDir: context.options.bundleDir };
    const runners: PushRunner[] = [];
    const pool = context.database.pool;
    let run;
    let cpuOn: CpuUse | undefined;
    let cpuOff: CpuUse | undefined;
    try {
      const runner = countingCpu(
        await openPushRun(server.url, session, listeners),
        server.pid,
        pool,
      );
      runners.push(runner);
      cpuOn = runner.cpu;
      const withoutHistory = countingCpu(
        await openPushRun(
          historyOff.url,
          await signup(historyOff.url, 'push-history-off'),
          listeners,
        ),
        historyOff.pid,
        pool,
      );
      runners.push(withoutHistory);
      cpuOff = withoutHistory.cpu;
      run = await interleavedPush(
        context.database.pool,
        raw,
        runner,
        batches,
        HISTORY_ROUNDS,
        withoutHistory,
      );
    } finally {
      for (const runner of runners) await runner.close();
      await dropRawTable(context.database.pool, raw);
      await historyOff.stop();
    }
    const { oursMs, rawMs, roundRatios } = run;
    const offMs = run.otherMs as number;
    const offRatios = run.otherRoundRatios as number[];
    const list = (ratios: number[]) => ratios.map((r) => r.toFixed(2)).join(', ');
    const perThousand = (cpu: CpuUse) =>
      `server ${((cpu.serverMs * 1000) / rowCount).toFixed(0)} ms + PostgreSQL ${((cpu.databaseMs * 1000) / rowCount).toFixed(0)} ms`;
    const cpuNote =
      `CPU per 1,000 rows: history on ${perThousand(cpuOn as CpuUse)}, ` +
      `off ${perThousand(cpuOff as CpuUse)}`;
    context.log(
      `ours ${oursMs.toFixed(0)} ms, raw ${rawMs.toFixed(0)} ms, history off ${offMs.toFixed(0)} ms; ` +
        `per round ours ÷ raw time ${list(roundRatios)}; ours ÷ history off time ${list(offRatios)}`,
    );
    context.log(cpuNote);
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
        `${roundRatios.length} alternating rounds, ours ÷ raw time per round: ${list(roundRatios)}`,
      ],
    });
    context.record({
      scenario: 'push',
      metric: 'push throughput, change history on vs off',
      detail,
      unit: 'rows/s',
      ours: (rowCount * 1000) / oursMs,
      baseline: (rowCount * 1000) / offMs,
      baselineName: 'same push, FINWISE_HISTORY=off',
      better: 'higher',
      target: { op: '>=', ratio: HISTORY_TARGET },
      notes: [
        `history on ÷ off time per round: ${list(offRatios)}`,
        `cost of recording: ${((1 - offMs / oursMs) * 100).toFixed(1)} % of push throughput`,
        cpuNote,
      ],
    });
    context.loadedTenant = { session, rows: rowCount };
  },
};
