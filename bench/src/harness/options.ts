import { join, resolve } from 'node:path';

export const SCENARIOS = [
  'push',
  'load',
  'latency',
  'memory',
  'scaleout',
  'growth',
  'budget',
  'import',
  'reports',
  'app',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export type BenchMode = 'quick' | 'standard' | 'full';

/** How big each scenario is. The standard sizes are the ones bench/README.md describes. */
export interface BenchSizes {
  /** Transactions pushed in scenario 1 and loaded in scenario 2. */
  pushRows: number;
  latencyClients: number[];
  /** Scenario 5's one measured run per side. */
  latencyDurationMs: number;
  /** Scenario 3: measured windows per side, alternating with the baseline's… */
  latencyWindows: number;
  /** …of this length each. */
  latencyWindowMs: number;
  latencyIntervalMs: number;
  /** Sent before measuring, so connection set-up and JIT warm-up stay out of the figures. */
  latencyWarmupMs: number;
  /** Idle connections per measurement of scenario 4, one measurement per count. */
  memoryConnections: number[];
  growthSizes: number[];
  /** Transactions of the household whose month budget scenario 7 asks for. */
  budgetRows: number;
  /** Lines of the bank file scenario 8 imports… */
  importLines: number;
  /** …into an account that already holds this many transactions. */
  importExistingRows: number;
  /** Transactions of the household whose reports scenario 9 asks for. */
  reportRows: number;
  /** Transactions of the household scenario 10 opens in the real app… */
  appRows: number;
  /** …edits timed there (each with one raw put and get)… */
  appEdits: number;
  /** …and how long its register is scrolled. */
  appScrollMs: number;
}

export interface BenchOptions {
  mode: BenchMode;
  sizes: BenchSizes;
  peer: boolean;
  browser: boolean;
  repeat: number;
  only: ReadonlySet<ScenarioName>;
  cpuProfileDir: string | null;
  /** Always bench/results/latest.json (unless --out); a copy goes to latest-<mode>.json. */
  outputFile: string;
  /** The server to measure: dist/server/main.js, or another build given with --server= (before/after comparisons). */
  serverMain: string;
  workspaceRoot: string;
  bundleDir: string;
}

const STANDARD_SIZES: BenchSizes = {
  pushRows: 100_000,
  latencyClients: [100, 1_000],
  latencyDurationMs: 10_000,
  latencyWindows: 5,
  latencyWindowMs: 2_000,
  latencyIntervalMs: 20,
  latencyWarmupMs: 1_000,
  memoryConnections: [1_000, 3_000],
  growthSizes: [10_000, 100_000],
  budgetRows: 100_000,
  importLines: 10_000,
  importExistingRows: 100_000,
  reportRows: 100_000,
  appRows: 100_000,
  appEdits: 50,
  appScrollMs: 3_000,
};

const SIZES: Record<BenchMode, BenchSizes> = {
  quick: {
    pushRows: 5_000,
    latencyClients: [50],
    latencyDurationMs: 3_000,
    latencyWindows: 5,
    latencyWindowMs: 1_000,
    latencyIntervalMs: 20,
    latencyWarmupMs: 500,
    memoryConnections: [100, 300],
    growthSizes: [1_000, 5_000],
    budgetRows: 5_000,
    importLines: 500,
    importExistingRows: 2_000,
    reportRows: 5_000,
    appRows: 5_000,
    appEdits: 10,
    appScrollMs: 1_000,
  },
  standard: STANDARD_SIZES,
  // The standard run plus the 1,000,000-row growth point.
  full: {
    ...STANDARD_SIZES,
    growthSizes: [...STANDARD_SIZES.growthSizes, 1_000_000],
  },
};

export function parseOptions(argv: readonly string[], workspaceRoot: string): BenchOptions {
  const flags = new Set(argv.filter((a) => !a.includes('=')));
  const values = new Map(
    argv
      .filter((a) => a.includes('='))
      .map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as const),
  );
  const known = new Set([
    '--quick',
    '--full',
    '--peer',
    '--no-browser',
    '--cpu-prof',
    '--no-build',
  ]);
  const unknown = [...flags]
    .filter((f) => !known.has(f))
    .concat(
      [...values.keys()].filter(
        (k) => !['--repeat', '--only', '--out', '--server', '--clients', '--rows'].includes(k),
      ),
    );
  if (unknown.length > 0)
    throw new Error(`unknown option(s): ${unknown.join(' ')} (see npm run bench -- --help)`);
  if (flags.has('--quick') && flags.has('--full'))
    throw new Error('--quick and --full exclude each other');

  const mode: BenchMode = flags.has('--quick')
    ? 'quick'
    : flags.has('--full')
      ? 'full'
      : 'standard';
  const repeat = Number(values.get('--repeat') ?? '1');
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 10)
    throw new Error('--repeat must be an integer 1..10');
  const onlyList = values.get('--only')?.split(',').filter(Boolean) ?? [...SCENARIOS];
  const bad = onlyList.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (bad.length > 0)
    throw new Error(
      `unknown scenario(s) in --only: ${bad.join(', ')}; known: ${SCENARIOS.join(', ')}`,
    );

  const bundleDir = process.env['FINWISE_BENCH_DIR'] ?? join(workspaceRoot, 'tmp', 'bench');
  const sizes = { ...SIZES[mode] };
  // Overrides for investigating one figure; the table then no longer shows the standard sizes.
  const clients = values.get('--clients');
  if (clients !== undefined) sizes.latencyClients = positiveIntegers(clients, '--clients');
  const rows = values.get('--rows');
  if (rows !== undefined) [sizes.pushRows] = positiveIntegers(rows, '--rows');
  return {
    mode,
    sizes,
    peer: flags.has('--peer'),
    browser: !flags.has('--no-browser'),
    repeat,
    only: new Set(onlyList as ScenarioName[]),
    cpuProfileDir: flags.has('--cpu-prof') ? join(bundleDir, 'profiles') : null,
    outputFile: resolve(
      workspaceRoot,
      values.get('--out') ?? join('bench', 'results', 'latest.json'),
    ),
    serverMain: resolve(workspaceRoot, values.get('--server') ?? join('dist', 'server', 'main.js')),
    workspaceRoot,
    bundleDir,
  };
}

function positiveIntegers(list: string, option: string): number[] {
  const numbers = list.split(',').map(Number);
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`${option} takes positive integers, e.g. ${option}=100,1000`);
  return numbers;
}
