export default {
  displayName: 'workspace-plugin',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/workspace-plugin',
  // Generating into a virtual workspace and formatting with prettier takes a moment.
  testTimeout: 30_000,
};
