import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createThrowawayPostgres,
  postgresReachable,
  type ThrowawayPostgres,
} from './throwaway-postgres';
import { freePort } from './free-port';

/** Long enough for HS256; fixed so a restarted server accepts the tokens it issued before. */
export const TEST_JWT_SECRET = 'sync-client-tests-secret-that-is-long-enough-for-hs256';

const WORKSPACE_ROOT = resolve(__dirname, '..', '..');
const SERVER_MAIN = join(WORKSPACE_ROOT, 'dist', 'server', 'main.js');
const READY_LINE = /^FINWISE_READY (http:\/\/\S+)$/m;

export type ServerDatabase = 'pglite' | 'postgres';

export interface ServerProcessOptions {
  /**
   * `postgres` runs on a throwaway database of the local PostgreSQL (falls back to PGlite with
   * a note on stderr when none is reachable, like the server's own suites); default `pglite`.
   */
  database?: ServerDatabase;
  /** Serve an existing PostgreSQL database (several instances on one database); not dropped. */
  sharedDatabase?: ThrowawayPostgres;
  /** Extra environment, e.g. `{ ACCESS_TOKEN_TTL_SECONDS: '5' }`. */
  env?: Record<string, string>;
  /** How long to wait for `FINWISE_READY` (PGlite's first start takes 5–11 s on 2 cores). */
  readyTimeoutMs?: number;
  /** Node flags before the server's script, e.g. a `--require`d probe of a soak test. */
  nodeArgs?: readonly string[];
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
  tenant: { id: string; name: string };
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>`; stays the same across `restart()` whenever the port is free again. */
  readonly url: string;
  readonly port: number;
  readonly database: ServerDatabase;
  /** The throwaway PostgreSQL database serving this process, or null on PGlite. */
  readonly databaseName: string | null;
  /** Its connection URL as the administrator (who owns the tables), or null on PGlite. */
  readonly databaseUrl: string | null;
  readonly running: boolean;
  /** Stops the process (SIGTERM by default; SIGKILL simulates a crash). Data is kept for `restart()`. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same data directory / database (stopping it first if it runs). */
  restart(): Promise<void>;
  /** Signs up a new user with a new household. */
  signup(options?: { email?: string; password?: string; inviteCode?: string }): Promise<Session>;
  /** `POST /api/auth/login`: another session (device) of an existing user. */
  login(email: string, password?: string): Promise<Session>;
  /** `POST /api/auth/refresh`: a new token pair. */
  refresh(refreshToken: string): Promise<Session>;
  /** JSON request against `/api` with an optional bearer token. */
  request<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
  ): Promise<HttpResult<T>>;
  /** Stops the process and removes its data directory and throwaway database. */
  dispose(): Promise<void>;
}

let signups = 0;

/** Password of the users `signup()` creates. */
export const DEFAULT_PASSWORD = 'correct horse battery staple';

/**
 * Spawns the real built server (`node dist/server/main.js`, build it with
 * `NX_DAEMON=false npx nx build server`) on a loopback port with a fresh data directory, so
 * tests exercise exactly what users run: process start-up, migrations, real sockets.
 */
export async function startServerProcess(
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(
      `${SERVER_MAIN} is missing: build it first with "NX_DAEMON=false npx nx build server"`,
    );
  }
  let database: ServerDatabase = options.sharedDatabase
    ? 'postgres'
    : (options.database ?? 'pglite');
  if (database === 'postgres' && !(await postgresReachable())) {
    if (process.env['FINWISE_REQUIRE_POSTGRES'] === '1') {
      throw new Error(
        'PostgreSQL is not reachable and FINWISE_REQUIRE_POSTGRES=1: refusing to fall back to PGlite',
      );
    }
    process.stderr.write('PostgreSQL is not reachable: this suite runs on PGlite instead\n');
    database = 'pglite';
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'finwise-sync-client-'));
  let postgres: ThrowawayPostgres | null = options.sharedDatabase ?? null;
  const ownsDatabase = !options.sharedDatabase;
  if (database === 'postgres' && !postgres) postgres = await createThrowawayPostgres();

  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  let child: ChildProcess | null = null;
  let port = 0;

  const env = (listenPort: number): NodeJS.ProcessEnv => {
    const result: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    // Jest's flags must not leak into the server; PGlite needs none outside the VM sandbox.
    delete result['NODE_OPTIONS'];
    if (postgres) result['DATABASE_URL'] = postgres.url;
    else delete result['DATABASE_URL'];
    return result;
  };

  const launch = async (listenPort: number): Promise<number> => {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_MAIN], {
      cwd: WORKSPACE_ROOT,
      env: env(listenPort),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stdout = '';
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
    });
    return new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(
          new Error(`server did not print FINWISE_READY within ${readyTimeoutMs} ms\n${stderr}`),
        );
      }, readyTimeoutMs);
      proc.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = READY_LINE.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolvePort(Number(new URL(match[1]).port));
        }
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (child === proc) child = null;
        reject(
          new Error(
            `server exited before it was ready (code ${code}, signal ${signal})\n${stderr}`,
          ),
        );
      });
    });
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    const proc = child;
    if (!proc) return;
    child = null;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.kill(signal);
    const forced = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(forced);
  };

  const start = async (): Promise<void> => {
    if (port === 0) {
      // A port outside the ephemeral range (see freePort), so a restart finds it free; another
      // suite may take it between the check and the listen, then the next one is tried.
      for (let attempt = 0; ; attempt += 1) {
        try {
          port = await launch(await freePort());
          return;
        } catch (error) {
          if (attempt >= 5 || !String(error).includes('EADDRINUSE')) throw error;
        }
      }
    }
    // Clients keep the URL they were given, so a restart must come back on the same port;
    // right after a kill the port may still be held for a moment.
    let lastError: unknown;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      try {
        await launch(port);
        return;
      } catch (error) {
        lastError = error;
        if (!String(error).includes('EADDRINUSE')) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    throw lastError;
  };

  await start();

  const request: ServerProcess['request'] = async <T>(
    method: string,
    path: string,
    requestOptions: { token?: string; body?: unknown } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (requestOptions.body !== undefined) headers['content-type'] = 'application/json';
    if (requestOptions.token) headers['authorization'] = `Bearer ${requestOptions.token}`;
    const response = await fetch(`http://127.0.0.1:${port}/api${path}`, {
      method,
      headers,
      body: requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text for the error message
    }
    return { status: response.status, body: body as T };
  };

  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    database,
    databaseName: postgres?.name ?? null,
    databaseUrl: postgres?.url ?? null,
    get running() {
      return child !== null;
    },
    stop,
    async restart() {
      await stop('SIGTERM');
      await start();
    },
    async signup(signupOptions = {}) {
      signups += 1;
      const email =
        signupOptions.email ?? `sync-client-${process.pid}-${signups}-${Date.now()}@example.com`;
      const body: Record<string, string> = {
        email,
        password: signupOptions.password ?? DEFAULT_PASSWORD,
      };
      if (signupOptions.inviteCode) body['inviteCode'] = signupOptions.inviteCode;
      const response = await request<Session>('POST', '/auth/signup', { body });
      if (response.status !== 201)
        throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async login(email, password = DEFAULT_PASSWORD) {
      const response = await request<Session>('POST', '/auth/login', { body: { email, password } });
      if (response.status !== 200)
        throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async refresh(refreshToken) {
      const response = await request<Session>('POST', '/auth/refresh', { body: { refreshToken } });
      if (response.status !== 200)
        throw new Error(`refresh failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    request,
    async dispose() {
      await stop('SIGTERM');
      if (ownsDatabase) await postgres?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
export { createThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';
