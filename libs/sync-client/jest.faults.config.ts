import base from './jest.config';

/** The fault-injection suite: `npm run test:faults [-- --runs N --seed S]`. */
export default {
  ...base,
  displayName: 'sync-client faults',
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts'],
  testTimeout: 3_600_000,
  maxWorkers: 1,
  // Jest's default teardown walks the globals the suite touched to detach them; a 200-case run
  // once ran out of a 4 GB heap after its last case, in teardown. The process exits next anyway.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  // Without Jest's record of every global value Dexie's zones set (see the file): ~2 KB per
  // local transaction, gigabytes over a long run.
  testEnvironment: '<rootDir>/test/support/long-run-environment.cjs',
};
