/**
 * Import-cycle check (`npm run cycles`): no file and no folder of any project may depend on
 * itself through others. Specs are left out: nothing imports them, so they close no file cycle,
 * and because they live beside the code they test, counting them would make every folder whose
 * tests use a shared test helper look like a cycle with that helper's folder.
 *
 * The same run keeps the Angular app's rooms apart (the rules named client-…), see below.
 */

/** A room of the Angular app imports only itself and the rooms below it. */
function clientRoom(name, below) {
  const allowed = [name, ...below];
  return {
    name: `client-${name}-imports-a-room-above`,
    severity: 'error',
    comment: `client/src/app/${name}/ imports only ${allowed.map((room) => `${room}/`).join(', ')} and libs.`,
    from: { path: `^client/src/app/${name}/` },
    to: { path: '^client/src/app/', pathNot: `^client/src/app/(?:${allowed.join('|')})/` },
  };
}

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
    // The rooms of the Angular app (client/src/app): shared/ (money, dates, wording) below data/
    // (sync client, stores, auth) below forms/ (form helpers, the generic entity page) and files/
    // (reading and saving files: export, import), and the
    // feature folders and sync-status/ on top. Root files (app shell, routes) put them together.
    {
      name: 'client-feature-imports-a-feature',
      severity: 'error',
      comment:
        'A client feature imports only data/, shared/, forms/, files/ and libs: what two features need belongs in one of those rooms.',
      from: {
        path: '^client/src/app/(?!(?:data|shared|forms|files|sync-status|testing|layout)/)([^/]+)/',
      },
      to: {
        path: '^client/src/app/',
        pathNot: ['^client/src/app/(?:data|shared|forms|files)/', '^client/src/app/$1/'],
      },
    },
    clientRoom('shared', []),
    clientRoom('data', ['shared']),
    clientRoom('forms', ['data', 'shared']),
    clientRoom('sync-status', ['data', 'shared']),
    clientRoom('files', ['data', 'shared']),
    {
      name: 'client-code-imports-test-support',
      severity: 'error',
      comment: 'testing/ folders hold test doubles and fixtures: only specs import them.',
      from: { path: '^client/src/app/', pathNot: '/testing/' },
      to: { path: ['^client/src/app/testing/', '^client/src/app/.*/testing/'] },
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
        '/screen-files/',
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
