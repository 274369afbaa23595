import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';
import { childNodeArgs } from './child-node-args';

/** Fixed per bench run so that several instances accept each other's tokens. */
const JWT_SECRET = 'finwise-bench-jwt-secret-0123456789abcdef';
const APP_PASSWORD = 'finwise-bench-app-role-password';
const READY = /FINWISE_READY http:\/\/[^:\s]+:(\d+)/;

export interface RunningServer {
  /** Always `http://127.0.0.1:<port>`: load generators target loopback only. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerStartOptions {
  workspaceRoot: string;
  /** The built server, normally dist/server/main.js. */
  serverMain: string;
  databaseUrl: string;
  redisUrl?: string;
  /** Writes a V8 CPU profile of the server into this directory when it stops. */
  cpuProfileDir?: string | null;
  /** Served as the static client (`CLIENT_DIR`): the browser benchmark page. */
  clientDir?: string;
  /** More environment, e.g. `FINWISE_HISTORY=off` for the push scenario's second server. */
  env?: Readonly<Record<string, string>>;
  /** More Node flags, e.g. the memory scenario's heap probe (see heap-probe.ts). */
  nodeArgs?: readonly string[];
  label: string;
}

/**
 * Starts the real built server (`node dist/server/main.js`) the way operators run it, on a
 * free loopback port, with rate limits off (the benchmark is the flood they exist to stop).
 */
export async function startServer(options: ServerStartOptions): Promise<RunningServer> {
  const main = options.serverMain;
  if (!existsSync(main)) throw new Error(`${main} is missing: run without --no-build`);
  const dataDir = mkdtempSync(join(tmpdir(), 'finwise-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET,
    FINWISE_APP_PASSWORD: APP_PASSWORD,
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT: '0',
    HTTP_RATE_LIMIT: '0',
    SOCKET_RATE_LIMIT: '0',
    TENANT_RATE_LIMIT: '0',
  };
  delete env['NODE_OPTIONS'];
  if (options.clientDir) env['CLIENT_DIR'] = options.clientDir;
  Object.assign(env, options.env);
  if (options.redisUrl) env['REDIS_URL'] = options.redisUrl;
  else delete env['REDIS_URL'];
  const nodeArgs = childNodeArgs(
    options.nodeArgs,
    options.cpuProfileDir,
    `server-${options.label}`,
  );
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: options.workspaceRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = onCleanup(`server ${options.label}`, async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  });
  try {
    const port = await readyPort(child, READY, `server ${options.label}`, 60_000);
    // Warnings after start-up (e.g. failed pushes) are worth seeing next to the figures.
    child.stderr?.on('data', (chunk: Buffer) =>
      process.stderr.write(`[server ${options.label}] ${chunk.toString()}`),
    );
    return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The port a child process announces on stdout (the first group of `ready`); rejects, with
 * everything it printed, when it exits first or stays silent for `timeoutMs`.
 */
export function readyPort(
  child: ChildProcess,
  ready: RegExp,
  what: string,
  timeoutMs: number,
): Promise<number> {
  let output = '';
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} not ready within ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** SIGTERM (the server closes cleanly, which also writes a CPU profile), SIGKILL after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
