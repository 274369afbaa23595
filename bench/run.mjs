// `npm run bench [-- options]`: builds the server (Nx cache makes this instant when nothing
// changed), bundles the TypeScript benchmark with esbuild (which also resolves the workspace's
// @finwise/* path aliases), then runs it in its own Node process so its heap limit and
// profiling flags are independent of npm's. Options are listed in bench/README.md.
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'tmp', 'bench');
const args = process.argv.slice(2);

if (args.includes('--help')) {
  process.stdout.write(
    'npm run bench [-- --quick | --full] [--peer] [--repeat=N] [--only=push,load,latency,memory,scaleout,growth,budget,import,reports,app]\n' +
      '              [--no-browser] [--cpu-prof] [--no-build] [--out=path.json] [--server=path/to/main.js]\n' +
      '              [--clients=100,1000] [--rows=N]   (override sizes while investigating)\n',
  );
  process.exit(0);
}

if (!args.includes('--no-build')) {
  process.stdout.write('building the server (nx build server)…\n');
  const result = spawnSync('npx', ['nx', 'build', 'server', '--output-style=static'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}\nserver build failed\n`);
    process.exit(1);
  }
}

mkdirSync(outDir, { recursive: true });

/** Workspace libraries are bundled from source; every npm package stays a runtime require. */
const externalPackages = {
  name: 'external-packages',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (resolveArgs) =>
      resolveArgs.path.startsWith('@finwise/')
        ? undefined
        : { path: resolveArgs.path, external: true },
    );
  },
};

const common = {
  bundle: true,
  sourcemap: true,
  tsconfig: join(root, 'bench', 'tsconfig.json'),
  logLevel: 'warning',
};

/** One script for a browser page: bundled whole, as an IIFE. */
function buildPageScript(entry, outFile) {
  return build({
    ...common,
    entryPoints: [join(root, entry)],
    outfile: join(outDir, outFile),
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}

await Promise.all([
  build({
    ...common,
    entryPoints: {
      main: join(root, 'bench/src/main.ts'),
      'raw-socketio-server': join(root, 'bench/src/raw/raw-socketio-server.ts'),
      'listener-thread': join(root, 'bench/src/harness/listener-thread-main.ts'),
    },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [externalPackages],
  }),
  // Runs inside Chromium: everything, Dexie and socket.io-client included, in one script.
  buildPageScript('bench/src/browser/load-page.ts', 'load-page.js'),
  // Evaluated inside the real app's pages (scenario 10), where Dexie is the app's own.
  buildPageScript('bench/src/browser/app-probe.ts', 'app-probe.js'),
]);

// The initial-load scenarios hold 100k (1M with --full) rows in fake-indexeddb and in
// baseline arrays at once: Node's default heap limit is too small for that.
const child = spawn(
  process.execPath,
  // --expose-gc: the harness collects garbage between scenarios, so a major GC of the previous
  // scenario's 100k-row leftovers cannot land in the middle of a latency measurement.
  [
    '--max-old-space-size=12288',
    '--expose-gc',
    '--enable-source-maps',
    join(outDir, 'main.cjs'),
    ...args,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FINWISE_BENCH_DIR: outDir } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
