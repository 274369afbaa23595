// npm run soak [-- --quick] [-- --minutes 20] [-- --households 20 --devices 10] [-- --seed 42]:
// the soak under faults
// (libs/sync-client/test/soak). --quick is the 2-minute form CI runs.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const quick = args.includes('--quick');
// The quick form is a smaller household count, to keep CI short; the 20-minute form runs 200
// clients (see docs/operations.md).
const env = {
  ...process.env,
  SOAK_MINUTES: option('minutes', quick ? '2' : '20'),
  SOAK_HOUSEHOLDS: option('households', process.env.SOAK_HOUSEHOLDS ?? (quick ? '4' : '20')),
  SOAK_DEVICES: option('devices', process.env.SOAK_DEVICES ?? (quick ? '5' : '10')),
  SOAK_SEED: option('seed', process.env.SOAK_SEED ?? '20261207'),
  NODE_OPTIONS: '--experimental-vm-modules --max-old-space-size=6144',
};
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server'], {
  stdio: 'inherit',
  env: { ...env, NX_DAEMON: 'false' },
});
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(
  'npx',
  ['jest', '--config', 'libs/sync-client/jest.soak.config.ts', '--runInBand'],
  { stdio: 'inherit', env },
);
process.exit(run.status ?? 1);
