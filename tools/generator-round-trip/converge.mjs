// Starts the server built in the generated copy and has two Node sync clients create, update and
// delete rows of the generated `savings_goals` entity (setting a reference, clearing optional fields
// back to null) until both and the server agree field for field, then reads the rows' change
// history, which the generated entity has without any code of its own.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

const work = process.argv[2];
const { createSyncClient } = await import(
  pathToFileURL(join(work, 'dist/libs/sync-client/index.mjs')).href
);
const dataDir = await mkdtemp(join(tmpdir(), 'finwise-roundtrip-'));

const server = spawn(process.execPath, [join(work, 'dist/server/main.js')], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'round-trip-secret-that-is-long-enough!!',
  },
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
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const clients = [];
try {
  const session = (
    await api('POST', '/auth/signup', {
      email: `rt-${Date.now()}@example.com`,
      password: 'a long password',
    })
  ).body;
  const device = (name) =>
    createSyncClient({
      url,
      tenantId: session.tenant.id,
      clientId: name,
      getToken: () => session.accessToken,
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
  const a = device('a');
  const b = device('b');
  clients.push(a, b);
  await Promise.all([a.start(), b.start()]);

  const goals = a.table('savings_goals');
  const categoryId = randomUUID();
  const otherCategoryId = randomUUID();
  const holiday = await goals.create({
    name: 'Holiday',
    kind: 'short_term',
    visits: 1,
    active: true,
    since: '2026-01-31',
    period: '2026-02',
    limitMinor: -12345,
    notes: 'first',
    defaultCategoryId: categoryId,
    currency: 'EUR',
  });
  const bike = await goals.create({
    name: 'Bike',
    kind: 'long_term',
    visits: 0,
    active: false,
    notes: 'second hand',
    code: '',
  });
  const gone = await goals.create({ name: 'Gone', kind: 'long_term', visits: 3, active: true });
  await a.flush();

  // B sees A's rows and edits one field while A edits others of the same row: A clears two
  // optional fields back to null, sets a reference on another row and deletes a third.
  await waitFor(
    async () => (await b.table('savings_goals').all()).length === 3,
    'B to receive three rows',
  );
  await b.table('savings_goals').update(holiday.id, { visits: 2 });
  await goals.update(holiday.id, { notes: null, limitMinor: null });
  await goals.update(bike.id, { defaultCategoryId: otherCategoryId, kind: 'short_term' });
  await goals.delete(gone.id);
  await Promise.all([a.flush(), b.flush()]);

  const expected = {
    [holiday.id]: {
      name: 'Holiday',
      notes: null,
      visits: 2,
      limitMinor: null,
      defaultCategoryId: categoryId,
      currency: 'EUR',
      since: '2026-01-31',
      period: '2026-02',
    },
    [bike.id]: {
      name: 'Bike',
      notes: 'second hand',
      defaultCategoryId: otherCategoryId,
      kind: 'short_term',
      active: false,
      code: '',
    },
  };
  const converged = async (table) => {
    const rows = await table.all();
    return rows.length === 2 && rows.every((row) => matches(row, expected[row.id]));
  };
  await waitFor(
    async () => (await converged(goals)) && (await converged(b.table('savings_goals'))),
    'both clients to converge',
  );

  const fromServer = (await api('GET', '/savings_goals?limit=100', undefined, session.accessToken))
    .body.items;
  const onA = await goals.all();
  const onB = await b.table('savings_goals').all();
  const byId = (rows) => Object.fromEntries(rows.map((row) => [row.id, row]));
  assert.deepEqual(byId(onA), byId(fromServer), 'client A equals the server');
  assert.deepEqual(byId(onB), byId(fromServer), 'client B equals the server');
  assert.deepEqual(Object.keys(byId(fromServer)).sort(), [holiday.id, bike.id].sort());
  for (const row of fromServer)
    assert.ok(matches(row, expected[row.id]), `the server has ${JSON.stringify(row)}`);
  console.log('savings_goals converged on both clients and the server');

  // The generated entity has a change history without generator code: every write of both
  // devices, newest first, with the device that made it; a deleted row answers with its delete.
  const historyOf = async (id) => {
    const answer = await api('GET', `/savings_goals/${id}/history`, undefined, session.accessToken);
    assert.equal(answer.status, 200, `history of ${id}: ${JSON.stringify(answer.body)}`);
    return answer.body.items;
  };
  const holidayHistory = await historyOf(holiday.id);
  assert.deepEqual(
    holidayHistory.map((item) => item.clientId).sort(),
    ['a', 'a', 'b'],
    'the holiday goal was created and changed by A and changed by B',
  );
  const visits = holidayHistory
    .flatMap((item) => item.fields)
    .find((field) => field.field === 'visits' && field.value === 2);
  assert.deepEqual(visits, { field: 'visits', value: 2, outcome: 'applied', previous: 1 });
  const cleared = holidayHistory.find(
    (item) => item.clientId === 'a' && item.operation === 'update',
  );
  assert.deepEqual(
    cleared.fields.map(({ field, value, outcome }) => ({ field, value, outcome })),
    [
      { field: 'notes', value: null, outcome: 'applied' },
      { field: 'limitMinor', value: null, outcome: 'applied' },
    ],
  );
  assert.deepEqual(
    (await historyOf(gone.id)).map((item) => item.operation),
    ['delete', 'create'],
    'a deleted row answers with its delete',
  );
  const missing = await api(
    'GET',
    `/savings_goals/${randomUUID()}/history`,
    undefined,
    session.accessToken,
  );
  assert.equal(missing.status, 404);
  console.log('savings_goals has a change history');
} finally {
  await Promise.all(clients.map((client) => client.stop().catch(() => undefined)));
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}

function matches(row, expected) {
  return (
    row !== undefined &&
    expected !== undefined &&
    Object.entries(expected).every(([key, value]) => row[key] === value)
  );
}

async function waitFor(check, what, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
