export default {
  displayName: 'sync-client',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/sync-client',
  setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
  // Integration suites spawn the real server (PGlite start-up takes seconds on 2 cores).
  testTimeout: 120_000,
  maxWorkers: 2,
};
