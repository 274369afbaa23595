import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_INDEX, SERVER_MAIN, WORKSPACE_ROOT } from './paths';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

const READY = /FINWISE_READY (\S+)/;

/**
 * Starts the built server the way `npm start` runs it, on a free port with its own empty
 * embedded database (and any further configuration in `env`), and resolves once it prints
 * FINWISE_READY.
 */
export async function startServer(
  options: { env?: Readonly<Record<string, string>> } = {},
): Promise<RunningServer> {
  for (const file of [SERVER_MAIN, CLIENT_INDEX]) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: build first (npx nx run-many -t build -p server client)`,
      );
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'finwise-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    AUTH_RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  // Hermetic: always the embedded database and a single instance, whatever the CI sets.
  delete env['DATABASE_URL'];
  delete env['REDIS_URL'];
  delete env['NODE_OPTIONS'];
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: WORKSPACE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within 90 s:\n${output}`)),
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
  return { url, stop: () => stopServer(child, dataDir) };
}

async function stopServer(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
