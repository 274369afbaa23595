import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../dist/server/main.js');
const CLIENT_INDEX = resolve(__dirname, '../../dist/client/browser/index.html');

function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /FINWISE_READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1].replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolvePromise) => {
    child.once('exit', (code) => resolvePromise(code));
    child.kill(signal);
  });
}

describe('the built server process (npm start)', () => {
  let dataDir: string;
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('build the server first: npx nx build server');
    dataDir = await mkdtemp(join(tmpdir(), 'finwise-process-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses bad configuration with one clear line and exit code 1', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'] ?? '', PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Invalid configuration: PORT must be an integer between 0 and 65535 (got "eighty")',
    );
  });

  it('runs on the embedded database, keeps data and the generated JWT secret across restarts', async () => {
    const first = await start({ DATA_DIR: dataDir });
    expect(await (await fetch(`${first.url}/api/health`)).json()).toEqual({
      status: 'ok',
      db: 'pglite',
    });
    const signup = await fetch(`${first.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'persist@example.com', password: 'long enough' }),
    });
    expect(signup.status).toBe(201);
    const { accessToken } = (await signup.json()) as { accessToken: string };
    const created = await fetch(`${first.url}/api/account_groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ name: 'Everyday', sortOrder: 1 }),
    });
    expect(created.status).toBe(201);
    if (existsSync(CLIENT_INDEX)) {
      const page = await fetch(`${first.url}/some/deep/link`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<fw-root');
    }
    expect(await stop(first.child, 'SIGKILL')).toBeNull();

    const second = await start({ DATA_DIR: dataDir });
    // The token from before the crash is still valid: the secret was kept in DATA_DIR.
    const list = await fetch(`${second.url}/api/account_groups`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: { name: string }[] }).items.map((i) => i.name)).toEqual(
      ['Everyday'],
    );
    expect(await stop(second.child)).toBe(0);
  }, 120_000);
});
