import { resolve } from 'node:path';
import { cleanupAll, installExitHandlers } from './harness/cleanup';
import { BenchContext, collectGarbage, type Scenario } from './harness/context';
import { currentLoad, describeMachine, describeSettings } from './harness/machine';
import { parseOptions, type BenchMode } from './harness/options';
import { createBenchDatabase } from './harness/postgres';
import {
  aggregate,
  renderTable,
  writeReport,
  type Measurement,
  type Skipped,
} from './harness/report';
import { appAtScale } from './scenarios/app';
import { broadcastLatency } from './scenarios/broadcast-latency';
import { bankImport } from './scenarios/bank-import';
import { budgetMonth } from './scenarios/budget-month';
import { growth } from './scenarios/growth';
import { initialLoad } from './scenarios/initial-load';
import { memory } from './scenarios/memory';
import { peerRxdb } from './scenarios/peer-rxdb';
import { pushThroughput } from './scenarios/push-throughput';
import { reports } from './scenarios/reports';
import { scaleOut } from './scenarios/scale-out';

/** In this order: the load scenario reuses the tenant the push scenario filled. */
const SCENARIOS: Scenario[] = [
  pushThroughput,
  initialLoad,
  broadcastLatency,
  memory,
  scaleOut,
  growth,
  budgetMonth,
  bankImport,
  reports,
  appAtScale,
];

/** Every scenario stops by itself; these only catch a hang (e.g. a client that never finishes loading). */
const SCENARIO_DEADLINE_MS: Record<BenchMode, number> = {
  quick: 3 * 60_000,
  standard: 20 * 60_000,
  full: 60 * 60_000,
};

class DeadlineExceeded extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineExceeded(`${what} did not finish within ${ms / 60_000} min`)),
      ms,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  installExitHandlers();
  const workspaceRoot = resolve(__dirname, '..', '..');
  const options = parseOptions(process.argv.slice(2), workspaceRoot);
  const startedAt = new Date().toISOString();
  const machine = await describeMachine();
  process.stdout.write(
    `FinWise Sync benchmark (${options.mode}${options.repeat > 1 ? `, ${options.repeat} runs` : ''}) on ${machine.cores} × ${machine.cpuModel}, ` +
      `${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average ${machine.loadAverageStart.join(' ')}\n` +
      `PostgreSQL settings: ${describeSettings(machine.postgresSettings)}\n`,
  );
  const measurements: Measurement[] = [];
  const skipped: Skipped[] = [];
  const failures: Skipped[] = [];
  const selected = SCENARIOS.filter((s) => s.name !== 'peer' && options.only.has(s.name));
  if (options.peer) selected.push(peerRxdb);
  else
    skipped.push({
      scenario: 'peer',
      reason: 'RxDB comparison runs only with --peer (installs bench/peer-rxdb on first use)',
    });

  let aborted = false;
  for (let run = 1; run <= options.repeat && !aborted; run += 1) {
    if (options.repeat > 1) process.stdout.write(`\n=== run ${run} of ${options.repeat}\n`);
    const database = await createBenchDatabase();
    const context = new BenchContext(options, database, run);
    try {
      for (const scenario of selected) {
        process.stdout.write(`\n${scenario.title} (load average ${currentLoad().join(' ')})\n`);
        collectGarbage();
        const started = performance.now();
        try {
          await withDeadline(
            scenario.run(context),
            SCENARIO_DEADLINE_MS[options.mode],
            scenario.title,
          );
        } catch (error) {
          failures.push({
            scenario: scenario.name,
            reason: (error as Error).stack ?? String(error),
          });
          process.stderr.write(`  FAILED: ${(error as Error).stack ?? error}\n`);
          // A scenario past its deadline may still be sending load: nothing after it would be a fair measurement.
          if (error instanceof DeadlineExceeded) {
            aborted = true;
            await cleanupAll();
            break;
          }
        }
        process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      }
    } finally {
      await context.close();
      await database.drop();
    }
    measurements.push(...context.measurements);
    if (run === 1) skipped.push(...context.skipped);
  }

  const rows = aggregate(measurements);
  machine.loadAverageEnd = currentLoad();
  process.stdout.write(`\n${renderTable(rows)}\n`);
  for (const s of skipped) process.stdout.write(`skipped ${s.scenario}: ${s.reason}\n`);
  for (const f of failures)
    process.stdout.write(`FAILED ${f.scenario}: ${f.reason.split('\n')[0]}\n`);
  const files = writeReport(options.outputFile, {
    version: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: options.mode,
    repeat: options.repeat,
    argv: process.argv.slice(2),
    machine,
    measurements: rows,
    skipped,
    failures,
  });
  process.stdout.write(
    `load average at the end ${machine.loadAverageEnd.join(' ')}; written ${files.join(', ')}\n`,
  );
  if (options.cpuProfileDir)
    process.stdout.write(`server CPU profiles in ${options.cpuProfileDir}\n`);
  // A scenario that fails (not one that misses its target) fails the run, so CI notices rot.
  return failures.length > 0 ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`benchmark failed: ${(error as Error).stack ?? error}\n`);
    return 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
