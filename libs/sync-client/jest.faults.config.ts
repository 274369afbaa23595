import base from './jest.config';

/** The fault-injection suite: `npm run test:faults [-- --runs N --seed S]`. */
export default {
  ...base,
  displayName: 'sync-client faults',
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts'],
  testTimeout: 3_600_000,
  maxWorkers: 1,
};
