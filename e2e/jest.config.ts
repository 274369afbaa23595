/**
 * Browser end-to-end tests: the built server (dist/server/main.js) serving the built app,
 * driven through Debian's chromium by playwright-core. Builds nothing itself (see project.json).
 */
export default {
  displayName: 'e2e',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // Server start (PGlite) takes seconds on 2 cores; a scenario drives two browsers.
  testTimeout: 240_000,
  maxWorkers: 1,
};
