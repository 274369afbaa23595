import type { Scenario } from '../harness/context';
import { countingCpu, type CpuUse } from '../harness/cpu-time';
import {
  interleavedPush,
  productSide,
  roundThroughputRatios,
  sideTimes,
} from '../harness/interleaved-push';
import { openPushRun, type PushRunner } from '../harness/protocol-drivers';
import { NARROW_SIDE, openNarrowUpsert, type NarrowUpsert } from '../harness/raw-narrow-upsert';
import { createRawTable, dropRawTable, rawUpsertSide } from '../harness/raw-postgres';
import { signup } from '../harness/session';
import { median } from '../harness/stats';
import {
  createMutations,
  describeBatches,
  packBatches,
  transactionRows,
} from '../harness/transaction-rows';

/** Rounds the product and the raw upsert alternate in (see interleavedPush). */
export const PUSH_ROUNDS = 4;

/**
 * Rounds of scenario 1, where four sides take turns (raw wide, raw narrow, history on,
 * history off): a multiple of four, so each side takes each position twice.
 */
const SCENARIO_ROUNDS = 8;

/** Recording the change history may cost at most 15 % of push throughput (FINANCE §6). */
const HISTORY_TARGET = 0.85;

/** Ours against the bare storing of the business columns: a floor, not a goal. */
const NARROW_TARGET = 0.3;

const WIDE = 'raw wide';
const OURS = 'ours';
const HISTORY_OFF = 'history off';

const list = (ratios: readonly number[]) => ratios.map((r) => r.toFixed(2)).join(', ');

/** The per-round ratios of a record and their median, for its notes. */
function roundNotes(what: string, ratios: readonly number[]): string[] {
  return [
    `${ratios.length} rounds, ${what} per round: ${list(ratios)}`,
    `median of the per-round ratios: ${median(ratios).toFixed(3)}`,
  ];
}

/**
 * Scenario 1: one client pushes N full transaction rows through the socket protocol
 * (validation, merge, mutation log, change history, change feed, ack, broadcast to one
 * listening client). Two raw baselines store the same rows in the same batches: the wide
 * `unnest` upsert into a copy of the product's table (everything the product stores for a
 * create) and the narrow one into a table of only the business columns (the least any
 * storage of these rows must do). A second server on the same database runs with the change
 * history switched off (`FINWISE_HISTORY=off`) and pushes the same batches into a household
 * of its own, so the cost of recording is measured in the same run. All four take turns in
 * the same rounds (see interleavedPush).
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

    const pool = context.database.pool;
    const raw = await createRawTable(pool, 'push');
    const listeners = { count: 1, bundleDir: context.options.bundleDir };
    const runners: PushRunner[] = [];
    let narrow: NarrowUpsert | undefined;
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
      narrow = await openNarrowUpsert(pool, 'push', batches);
      run = await interleavedPush(
        [
          rawUpsertSide(pool, raw, WIDE),
          narrow,
          productSide(OURS, runner),
          productSide(HISTORY_OFF, withoutHistory),
        ],
        batches,
        SCENARIO_ROUNDS,
      );
      const stored = await narrow.countRows();
      if (stored !== rowCount)
        throw new Error(`narrow upsert stored ${stored} of ${rowCount} rows`);
    } finally {
      for (const runner of runners) await runner.close();
      await narrow?.close();
      await dropRawTable(pool, raw);
      await historyOff.stop();
    }
    const [oursMs, wideMs, narrowMs, offMs] = [OURS, WIDE, NARROW_SIDE, HISTORY_OFF].map(
      (name) => sideTimes(run, name).totalMs,
    );
    const wideRatios = roundThroughputRatios(run, OURS, WIDE);
    const narrowRatios = roundThroughputRatios(run, OURS, NARROW_SIDE);
    const offRatios = roundThroughputRatios(run, OURS, HISTORY_OFF);
    const narrowOfWide = roundThroughputRatios(run, WIDE, NARROW_SIDE);
    const rowsPerSecond = (ms: number) => (rowCount * 1000) / ms;
    const perThousand = (cpu: CpuUse) =>
      `server ${((cpu.serverMs * 1000) / rowCount).toFixed(0)} ms + PostgreSQL ${((cpu.databaseMs * 1000) / rowCount).toFixed(0)} ms`;
    const cpuNote =
      `CPU per 1,000 rows: history on ${perThousand(cpuOn as CpuUse)}, ` +
      `off ${perThousand(cpuOff as CpuUse)}`;
    context.log(
      `ours ${oursMs.toFixed(0)} ms, raw wide ${wideMs.toFixed(0)} ms, raw narrow ` +
        `${narrowMs.toFixed(0)} ms, history off ${offMs.toFixed(0)} ms`,
    );
    context.log(
      `per round, ours ÷ baseline throughput: wide ${list(wideRatios)}; narrow ` +
        `${list(narrowRatios)}; history off ${list(offRatios)}`,
    );
    context.log(`per round, raw wide ÷ raw narrow throughput: ${list(narrowOfWide)}`);
    context.log(cpuNote);
    // Each figure is our push's throughput against one baseline of the same rounds.
    const against = (
      metric: string,
      baselineMs: number,
      baselineName: string,
      ratio: number,
      notes: string[],
    ) =>
      context.record({
        scenario: 'push',
        metric,
        detail,
        unit: 'rows/s',
        ours: rowsPerSecond(oursMs),
        baseline: rowsPerSecond(baselineMs),
        baselineName,
        better: 'higher',
        target: { op: '>=', ratio },
        notes,
      });
    against(
      'push throughput, 1 listener',
      wideMs,
      'raw pg unnest upsert',
      0.5,
      roundNotes('ours ÷ raw wide throughput (raw time ÷ ours)', wideRatios),
    );
    against(
      'push throughput, change history on vs off',
      offMs,
      'same push, FINWISE_HISTORY=off',
      HISTORY_TARGET,
      [
        ...roundNotes('history on ÷ off throughput (off time ÷ on)', offRatios),
        `cost of recording: ${((1 - offMs / oursMs) * 100).toFixed(1)} % of push throughput`,
        cpuNote,
      ],
    );
    against(
      'push throughput vs narrow raw',
      narrowMs,
      'raw pg narrow upsert (business columns, prepared)',
      NARROW_TARGET,
      [
        ...roundNotes('ours ÷ raw narrow throughput (narrow time ÷ ours)', narrowRatios),
        `raw wide ÷ raw narrow throughput: ${(narrowMs / wideMs).toFixed(3)} ` +
          `(per round ${list(narrowOfWide)})`,
      ],
    );
    context.loadedTenant = { session, rows: rowCount };
  },
};
