// Builds the publishable package dist/libs/sync-client: ESM + CJS bundles (our shared libs
// inlined, runtime dependencies external), one self-contained .d.ts, package.json, README.
// Then proves the result: plain Node import() and require() load it, and a strict consumer
// type-checks against it with moduleResolution node16.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const project = join(root, 'libs/sync-client');
const outDir = join(root, 'dist/libs/sync-client');
const require = createRequire(import.meta.url);
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Installed by the consumer (dependencies of the package); everything else is bundled. */
const EXTERNAL = ['dexie', 'socket.io-client', 'zod', 'uuid'];

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

await bundleJavaScript();
bundleDeclarations();
writePackageJson();
copyFileSync(join(project, 'README.md'), join(outDir, 'README.md'));
verifyRuntime();
verifyTypes();
console.log(`@finwise/sync-client built at ${relative(root, outDir)}`);

async function bundleJavaScript() {
  const common = {
    entryPoints: [join(project, 'src/index.ts')],
    bundle: true,
    platform: 'neutral',
    target: 'es2022',
    sourcemap: true,
    external: EXTERNAL,
    tsconfig: join(project, 'tsconfig.lib.json'),
    logLevel: 'warning',
  };
  await build({ ...common, format: 'esm', outfile: join(outDir, 'index.mjs') });
  await build({ ...common, format: 'cjs', outfile: join(outDir, 'index.cjs') });
}

/**
 * tsc emits declarations for the whole program (the shared libs included); the public API is
 * the closure of relative imports from index.d.ts. Those few files are joined into one file
 * without relative imports, so the same text serves ESM (.d.mts) and CJS (.d.ts) consumers.
 * A public type that leaks a private library fails the build here instead of at a consumer.
 */
function bundleDeclarations() {
  const emitted = mkdtempSync(join(tmpdir(), 'sync-client-dts-'));
  try {
    execFileSync(
      process.execPath,
      [
        require.resolve('typescript/bin/tsc'),
        '-p',
        join(project, 'tsconfig.lib.json'),
        '--declaration',
        '--emitDeclarationOnly',
        '--declarationMap',
        'false',
        '--outDir',
        emitted,
      ],
      { cwd: root, stdio: 'inherit' },
    );
    const entry = join(emitted, 'libs/sync-client/src/index');
    const order = [];
    const seen = new Set();
    const importPattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"];?/g;
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(`${file}.d.ts`, 'utf8');
      for (const [, specifier] of text.matchAll(importPattern)) {
        if (!specifier.startsWith('.'))
          throw new Error(
            `public declarations of ${relative(emitted, file)} import "${specifier}"`,
          );
        visit(resolve(dirname(file), specifier));
      }
      if (/\bimport\(/.test(text))
        throw new Error(`public declarations of ${relative(emitted, file)} use import() types`);
      order.push(file);
    };
    visit(entry);
    const parts = order
      .filter((file) => file !== entry)
      .map((file) => {
        const body = readFileSync(`${file}.d.ts`, 'utf8')
          .replace(importPattern, '')
          .replace(/^export \{\};\s*$/m, '')
          .trim();
        return `// ${relative(join(emitted, 'libs/sync-client/src'), file)}.ts\n${body}`;
      });
    // index.d.ts may only re-export (unrenamed) what the joined files already export.
    const index = readFileSync(`${entry}.d.ts`, 'utf8').replace(importPattern, '').trim();
    if (index !== '') throw new Error(`index.d.ts holds more than re-exports:\n${index}`);
    const text = `// Type declarations of @finwise/sync-client ${rootPackage.version}\n\n${parts.join('\n\n')}\n`;
    writeFileSync(join(outDir, 'index.d.ts'), text);
    writeFileSync(join(outDir, 'index.d.mts'), text);
  } finally {
    rmSync(emitted, { recursive: true, force: true });
  }
}

function writePackageJson() {
  const dependencies = Object.fromEntries(
    EXTERNAL.map((name) => {
      const version = rootPackage.dependencies?.[name];
      if (!version) throw new Error(`${name} is not a dependency of the workspace`);
      return [name, version];
    }),
  );
  const pkg = {
    name: '@finwise/sync-client',
    version: rootPackage.version,
    description:
      'Offline-first sync client for FinWise Sync: per-tenant IndexedDB (Dexie), outbox, per-field LWW merge, Socket.IO sync, multi-tab leader',
    license: rootPackage.license,
    main: './index.cjs',
    module: './index.mjs',
    types: './index.d.ts',
    exports: {
      '.': {
        import: { types: './index.d.mts', default: './index.mjs' },
        require: { types: './index.d.ts', default: './index.cjs' },
      },
      './package.json': './package.json',
    },
    sideEffects: false,
    dependencies,
  };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * Loads each bundle in plain Node and uses it offline on fake-indexeddb: module interop with
 * Dexie (ESM wrapper vs. CJS build) and live queries must work in both formats.
 */
function verifyRuntime() {
  const exercise = (load) => `
${load}
(async () => {
  const client = createSyncClient({ url: 'http://127.0.0.1:9', tenantId: 'build-check', getToken: () => 'x', indexedDB: new IDBFactory(), IDBKeyRange });
  client.disconnect();
  await client.start();
  const seen = [];
  client.table('account_groups').observe((rows) => seen.push(rows.length));
  await client.table('account_groups').create({ name: 'Cash', sortOrder: 1 });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const pending = client.status().pendingCount;
  await client.stop();
  console.log(JSON.stringify({ type: typeof createSyncClient, pending, seen: seen.at(-1) }));
})().catch((error) => { console.error(error); process.exit(1); });
`;
  const esm = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      exercise(
        `import { createSyncClient } from ${JSON.stringify(join(outDir, 'index.mjs'))};\nimport { IDBFactory, IDBKeyRange } from 'fake-indexeddb';`,
      ),
    ],
    { cwd: root, encoding: 'utf8' },
  ).trim();
  const cjs = execFileSync(
    process.execPath,
    [
      '-e',
      exercise(
        `const { createSyncClient } = require(${JSON.stringify(join(outDir, 'index.cjs'))});\nconst { IDBFactory, IDBKeyRange } = require('fake-indexeddb');`,
      ),
    ],
    {
      cwd: root,
      encoding: 'utf8',
    },
  ).trim();
  const expected = JSON.stringify({ type: 'function', pending: 1, seen: 1 });
  if (esm !== expected || cjs !== expected)
    throw new Error(`the bundles do not work (import: ${esm}, require: ${cjs})`);
}

/** A strict consumer (no DOM lib, skipLibCheck off) resolving the package by name, ESM and CJS. */
function verifyTypes() {
  const consumer = mkdtempSync(join(tmpdir(), 'sync-client-consumer-'));
  try {
    mkdirSync(join(consumer, 'node_modules/@finwise'), { recursive: true });
    symlinkSync(outDir, join(consumer, 'node_modules/@finwise/sync-client'), 'dir');
    const usage = `
const client: SyncClient = createSyncClient({ url: 'http://localhost:3000', tenantId: 't', getToken: () => 'token' });
interface Group extends SyncRow { name: string | null; sortOrder: number | null }
const groups: SyncTable<Group> = client.table<Group>('account_groups');
const created: Promise<Group> = groups.create({ name: 'Cash', sortOrder: 1 });
const status: SyncStatus = client.status();
const stop: Promise<void> = client.stop({ clearLocalData: true });
export const used = [groups, created, status, stop, SyncClientError];
`;
    writeFileSync(
      join(consumer, 'esm.mts'),
      `import { createSyncClient, SyncClientError, type SyncClient, type SyncRow, type SyncStatus, type SyncTable } from '@finwise/sync-client';\n${usage}`,
    );
    writeFileSync(
      join(consumer, 'cjs.cts'),
      `import { createSyncClient, SyncClientError, type SyncClient, type SyncRow, type SyncStatus, type SyncTable } from '@finwise/sync-client';\n${usage}`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'node16',
          moduleResolution: 'node16',
          target: 'es2022',
          lib: ['es2022'],
          types: [],
          skipLibCheck: false,
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', join(consumer, 'tsconfig.json')],
      { stdio: 'inherit' },
    );
  } finally {
    rmSync(consumer, { recursive: true, force: true });
  }
}
