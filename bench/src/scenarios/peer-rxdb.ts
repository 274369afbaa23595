import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../harness/cleanup';
import type { BenchContext, Scenario } from '../harness/context';
import type { Measurement } from '../harness/report';
import { transactionRows } from '../harness/transaction-rows';

interface RxdbResult {
  rows: number;
  batchSize: number;
  mode: string;
  pushMs: number;
  loadMs: number;
}

/**
 * RxDB's dependencies stay out of the workspace: bench/peer-rxdb has its own package.json and
 * lock file, installed here on first use (`npm ci`) into its gitignored node_modules.
 */
function ensureInstalled(peerDir: string): string | null {
  if (existsSync(join(peerDir, 'node_modules', 'rxdb', 'package.json'))) return null;
  process.stdout.write('  installing bench/peer-rxdb (npm ci)…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: peerDir,
    encoding: 'utf8',
  });
  return result.status === 0
    ? null
    : `npm ci in bench/peer-rxdb failed: ${(result.stderr || result.stdout).slice(-500)}`;
}

/** RxDB's default replication batch (100), and our protocol's batch limit (500). */
const BATCH_SIZES = [100, 500];

async function runRxdb(peerDir: string, rowsFile: string, batchSize: number): Promise<RxdbResult> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=8192', join(peerDir, 'run.mjs'), rowsFile, String(batchSize)],
    { cwd: peerDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = onCleanup('rxdb peer', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Bounded: a stuck replication must not hang the benchmark.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15 * 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  await stop();
  const line = /^RXDB_RESULT (.+)$/m.exec(stdout);
  if (code !== 0 || !line)
    throw new Error(`RxDB runner failed (${code}):\n${stderr.slice(-2000)}${stdout.slice(-1000)}`);
  return JSON.parse(line[1]) as RxdbResult;
}

function ours(context: BenchContext, scenario: string, metric: string): Measurement | undefined {
  return context.measurements.find((m) => m.scenario === scenario && m.metric === metric);
}

/**
 * Peer comparison (DESIGN §9): the push and initial-load scenarios through RxDB 17.6's
 * websocket replication (memory storage on both ends, one Node process) with the same rows,
 * reported as ours ÷ RxDB. RxDB's push is timed for a client writing while it replicates
 * (`live` in bench/peer-rxdb/run.mjs), the case it handles best.
 */
export const peerRxdb: Scenario = {
  name: 'peer',
  title: 'peer: RxDB websocket replication',
  async run(context) {
    const push = ours(context, 'push', 'push throughput, 1 listener');
    const load = ours(context, 'load', 'initial load, Node client (fake-indexeddb)');
    if (!push || !load)
      return context.skip('peer', 'needs the push and load scenarios in the same run');
    const peerDir = join(context.options.workspaceRoot, 'bench', 'peer-rxdb');
    const installProblem = ensureInstalled(peerDir);
    if (installProblem) return context.skip('peer', installProblem);

    const rowCount = context.options.sizes.pushRows;
    const dir = mkdtempSync(join(tmpdir(), 'finwise-bench-rxdb-'));
    const removeDir = onCleanup('rxdb rows', () => rmSync(dir, { recursive: true, force: true }));
    try {
      const rowsFile = join(dir, 'rows.json');
      writeFileSync(rowsFile, JSON.stringify(transactionRows(rowCount)));
      for (const batchSize of BATCH_SIZES) {
        const rxdb = await runRxdb(peerDir, rowsFile, batchSize);
        context.log(
          `RxDB batch ${batchSize}: push ${rxdb.pushMs.toFixed(0)} ms, load ${rxdb.loadMs.toFixed(0)} ms`,
        );
        const detail = `${rowCount.toLocaleString('en-US')} rows, RxDB batch ${batchSize}, ${rxdb.mode} writes`;
        context.record({
          scenario: 'peer',
          metric: 'push throughput vs RxDB',
          detail,
          unit: 'rows/s',
          ours: push.ours,
          baseline: (rowCount * 1000) / rxdb.pushMs,
          baselineName: 'RxDB 17.6 websocket replication',
          better: 'higher',
          target: null,
        });
        context.record({
          scenario: 'peer',
          metric: 'initial load vs RxDB (Node)',
          detail,
          unit: 's',
          ours: load.ours,
          baseline: rxdb.loadMs / 1000,
          baselineName: 'RxDB 17.6 websocket replication',
          better: 'lower',
          target: null,
        });
      }
    } finally {
      await removeDir();
    }
  },
};
