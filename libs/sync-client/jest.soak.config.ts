import base from './jest.config';

/** The soak under faults: `npm run soak [-- --quick | --minutes N]`. */
export default {
  ...base,
  displayName: 'sync-client soak',
  testMatch: ['<rootDir>/test/soak/**/*.soak.ts'],
  testTimeout: 7_200_000,
  maxWorkers: 1,
  // As in the fault suite: after a passing 200-client run, Jest's walk over the globals the
  // clients touched ran out of a 6 GB heap at teardown. The process exits next anyway.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  // Without Jest's record of every global value Dexie's zones set (see the file): ~2 KB per
  // local transaction, gigabytes over a long run.
  testEnvironment: '<rootDir>/test/support/long-run-environment.cjs',
};
