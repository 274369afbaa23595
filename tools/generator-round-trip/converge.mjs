// Starts the server built in the generated copy and has two Node sync clients create, update and
// delete rows of the generated `payees` entity until both and the server agree field for field.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

const work = process.argv[2];
const { createSyncClient } = await import(pathToFileURL(join(work, 'dist/libs/sync-client/index.mjs')).href);
const dataDir = await mkdtemp(join(tmpdir(), 'finwise-roundtrip-'));

const server = spawn(process.execPath, [join(work, 'dist/server/main.js')], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'warn', JWT_SECRET: 'round-trip-secret-that-is-long-enough!!' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /FINWISE_READY (\S+)/.exec(out);
    if (match) {
      clearTimeout(timer);
      resolve(match[1].replace('localhost', '127.0.0.1'));
    }
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

async function api(method, path, body, token) {
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const clients = [];
try {
  const session = (await api('POST', '/auth/signup', { email: `rt-${Date.now()}@example.com`, password: 'a long password' })).body;
  const device = (name) =>
    createSyncClient({ url, tenantId: session.tenant.id, clientId: name, getToken: () => session.accessToken, indexedDB: new IDBFactory(), IDBKeyRange });
  const a = device('a');
  const b = device('b');
  clients.push(a, b);
  await Promise.all([a.start(), b.start()]);

  const payees = a.table('payees');
  const ann = await payees.create({ name: 'Ann', kind: 'person', visits: 1, active: true, since: '2026-01-31', period: '2026-02', limitMinor: -12345 });
  const bakery = await payees.create({ name: 'Bakery', kind: 'company', visits: 0, active: false, notes: 'corner shop' });
  const gone = await payees.create({ name: 'Gone', kind: 'company', visits: 3, active: true });
  await a.flush();

  // B sees A's rows, edits one field while A edits another of the same row, and A deletes one.
  await waitFor(async () => (await b.table('payees').all()).length === 3, 'B to receive three payees');
  await b.table('payees').update(ann.id, { visits: 2 });
  await payees.update(ann.id, { notes: 'neighbour' });
  await payees.delete(gone.id);
  await Promise.all([a.flush(), b.flush()]);

  const expected = { name: 'Ann', notes: 'neighbour', visits: 2, limitMinor: -12345 };
  await waitFor(async () => {
    const [rowA, rowB] = await Promise.all([payees.get(ann.id), b.table('payees').get(ann.id)]);
    return matches(rowA, expected) && matches(rowB, expected) && (await b.table('payees').all()).length === 2;
  }, 'both clients to converge');

  const fromServer = (await api('GET', '/payees?limit=100', undefined, session.accessToken)).body.items;
  const onA = await payees.all();
  const onB = await b.table('payees').all();
  const byId = (rows) => Object.fromEntries(rows.map((row) => [row.id, row]));
  assert.deepEqual(byId(onA), byId(fromServer), 'client A equals the server');
  assert.deepEqual(byId(onB), byId(fromServer), 'client B equals the server');
  assert.deepEqual(Object.keys(byId(fromServer)).sort(), [ann.id, bakery.id].sort());
  console.log('payees converged on both clients and the server');
} finally {
  await Promise.all(clients.map((client) => client.stop().catch(() => undefined)));
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}

function matches(row, expected) {
  return row !== undefined && Object.entries(expected).every(([key, value]) => row[key] === value);
}

async function waitFor(check, what, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
