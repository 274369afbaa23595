import base from './jest.config';

/** The soak under faults: `npm run soak [-- --quick | --minutes N]`. */
export default {
  ...base,
  displayName: 'sync-client soak',
  testMatch: ['<rootDir>/test/soak/**/*.soak.ts'],
  testTimeout: 7_200_000,
  maxWorkers: 1,
};
