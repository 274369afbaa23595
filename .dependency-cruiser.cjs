/**
 * Import-cycle check (`npm run cycles`): no file and no folder of any project may depend on
 * itself through others. Specs are left out: nothing imports them, so they close no file cycle,
 * and because they live beside the code they test, counting them would make every folder whose
 * tests use a shared test helper look like a cycle with that helper's folder.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'A file imports itself through others: split out what both sides need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      scope: 'folder',
      severity: 'error',
      comment:
        'Two folders import each other (directly or through others): one of them holds a part of the other.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: [
        'node_modules',
        '(^|/)dist/',
        '(^|/)tmp/',
        '\\.spec\\.ts$',
        '\\.e2e-spec\\.ts$',
        '/files/',
        '\\.snap$',
      ],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.json'],
    },
  },
};
