import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './cleanup';
import type { RunningServer } from './server-process';
import { readyPort, stopChild } from './server-process';
import { childNodeArgs } from './child-node-args';

const READY = /RAW_READY (\d+)/;

/** Starts the raw Socket.IO baseline server (bench/src/raw/raw-socketio-server.ts) as a process. */
export async function startRawSocketServer(options: {
  bundleDir: string;
  label: string;
  redisUrl?: string;
  redisKey?: string;
  cpuProfileDir?: string | null;
  /** More environment and Node flags, e.g. the memory scenario's heap probe (see heap-probe.ts). */
  env?: Readonly<Record<string, string>>;
  nodeArgs?: readonly string[];
}): Promise<RunningServer> {
  const main = join(options.bundleDir, 'raw-socketio-server.cjs');
  if (!existsSync(main))
    throw new Error(`${main} is missing: start the benchmark with npm run bench`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NODE_OPTIONS'];
  delete env['REDIS_URL'];
  if (options.redisUrl) {
    env['REDIS_URL'] = options.redisUrl;
    env['REDIS_KEY'] = options.redisKey ?? 'finwise-bench-raw';
  }
  Object.assign(env, options.env);
  const nodeArgs = childNodeArgs(options.nodeArgs, options.cpuProfileDir, `raw-${options.label}`);
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = onCleanup(`raw socket.io ${options.label}`, () => stopChild(child));
  try {
    const port = await readyPort(child, READY, `raw socket.io ${options.label}`, 20_000);
    return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
