// npm run test:faults [-- --runs 1000] [-- --seed 42] [-- --path 525]: the seeded fault-injection
// suite; --path replays one case of a failed run (the path fast-check printed).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const env = {
  ...process.env,
  FAULT_RUNS: option('runs', process.env.FAULT_RUNS ?? '200'),
  FAULT_SEED: option('seed', process.env.FAULT_SEED ?? '20261125'),
  ...(option('path', '') ? { FAULT_PATH: option('path', '') } : {}),
  // Measured after a full GC, the live heap grows by about 0.5 MB per case (≈0.6 GB for 1,000
  // cases); every client, IndexedDB factory, socket and timer of a case is released. The
  // headroom is for the end: after the last case of a 200-case run, the default heap (4 GB)
  // ran out once while Jest tore the environment down. --expose-gc lets FAULT_HEAP_LOG=<file>
  // log the live heap per case.
  NODE_OPTIONS: '--experimental-vm-modules --expose-gc --max-old-space-size=8192',
};
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server'], {
  stdio: 'inherit',
  env: { ...env, NX_DAEMON: 'false' },
});
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(
  'npx',
  ['jest', '--config', 'libs/sync-client/jest.faults.config.ts', '--runInBand'],
  { stdio: 'inherit', env },
);
process.exit(run.status ?? 1);
