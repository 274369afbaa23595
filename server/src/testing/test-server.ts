import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, type AppConfig } from '../app/config/app-config';
import { createApp, listen } from '../app/create-app';
import {
  createThrowawayDatabase,
  type TestDatabaseKind,
  type ThrowawayDatabase,
} from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export interface TestSession {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
  tenant: { id: string; name: string };
}

export interface TestServer {
  url: string;
  kind: TestDatabaseKind;
  app: INestApplication;
  config: AppConfig;
  /** Signs up a new user with a new household (or joins one with an invite code). */
  signup(options?: { email?: string; inviteCode?: string }): Promise<TestSession>;
  /** JSON request against /api with an optional bearer token. */
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

let counter = 0;

/** Starts the real Nest app (HTTP + Socket.IO) on a loopback port with a fresh database. */
export async function startTestServer(
  kind: TestDatabaseKind,
  overrides: Partial<AppConfig> = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'finwise-test-'));
  let database: ThrowawayDatabase | null = null;
  // Several instances may share one database: only the one that created it drops it.
  if (kind === 'postgres' && !overrides.databaseUrl) database = await createThrowawayDatabase();
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test' }, { clientDir: null }),
    host: '127.0.0.1',
    port: 0,
    dataDir,
    databaseUrl: database?.url ?? overrides.databaseUrl,
    jwtSecret: TEST_JWT_SECRET,
    // One password for every suite: the serving role is shared by all databases of the cluster.
    appDbPassword: 'finwise-test-app-role-password',
    logLevel: 'error',
    // Suites sign up many users from one address; the limits have their own suite.
    rateLimits: { httpPerMinute: 0, authPerMinute: 0, socketPerSecond: 0, tenantPerSecond: 0 },
    ...overrides,
  };
  const app = await createApp(config);
  const url = (await listen(app, config)).replace('localhost', '127.0.0.1');

  const request: TestServer['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  };

  return {
    url,
    kind,
    app,
    config,
    request,
    async signup(options = {}) {
      counter += 1;
      const email =
        options.email ??
        `user${counter}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
      const response = await request('POST', '/auth/signup', {
        body: {
          email,
          password: 'correct horse battery',
          ...(options.inviteCode ? { inviteCode: options.inviteCode } : {}),
        },
      });
      if (response.status !== 201)
        throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as TestSession;
    },
    async stop() {
      await app.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
