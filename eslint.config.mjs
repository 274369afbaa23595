import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/coverage',
      '**/tmp',
      '**/files/**',
      '**/screen-files/**',
      'bench/peer-rxdb/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // sync-client's package build bundles domain and sync-protocol, so a buildable lib
          // depending on these non-buildable ones is by design; tag constraints still apply.
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:protocol', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:protocol'] },
            {
              sourceTag: 'scope:finance',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:protocol'],
            },
            {
              sourceTag: 'scope:import',
              onlyDependOnLibsWithTags: ['scope:domain', 'scope:protocol', 'scope:finance'],
            },
            {
              sourceTag: 'scope:sync-client',
              onlyDependOnLibsWithTags: ['scope:protocol', 'scope:domain'],
            },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: [
                'scope:protocol',
                'scope:domain',
                'scope:finance',
                'scope:import',
              ],
            },
            {
              sourceTag: 'scope:client',
              onlyDependOnLibsWithTags: [
                'scope:protocol',
                'scope:domain',
                'scope:sync-client',
                'scope:finance',
                'scope:import',
              ],
            },
            {
              sourceTag: 'scope:bench',
              onlyDependOnLibsWithTags: [
                'scope:protocol',
                'scope:domain',
                'scope:sync-client',
                'scope:finance',
                'scope:import',
              ],
            },
            {
              sourceTag: 'scope:e2e',
              onlyDependOnLibsWithTags: [
                'scope:protocol',
                'scope:domain',
                'scope:sync-client',
                'scope:finance',
                'scope:import',
              ],
            },
            {
              sourceTag: 'scope:tooling',
              onlyDependOnLibsWithTags: [
                'scope:protocol',
                'scope:domain',
                'scope:sync-client',
                'scope:finance',
                'scope:import',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/testing/**/*.ts',
      '**/test/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'tools/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Test helpers return loosely typed JSON bodies on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**', '**/test/**', 'bench/**', 'e2e/**', 'tools/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@finwise/domain/testing',
              message:
                'Sample data is a test fixture: specs, testing/ helpers and benchmarks only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message:
            "Use `import * as z from 'zod'`: the named `z` export defeats tree-shaking and puts all of zod (every locale, JSON Schema) into the app's first download.",
        },
      ],
    },
  },
];
