export default {
  displayName: 'server',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../coverage/server',
  // Integration suites start databases and servers: give them room on a 2-core machine.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  maxWorkers: 2,
};
