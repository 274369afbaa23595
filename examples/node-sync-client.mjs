// Two devices of one household in one Node process, using the client engine @finwise/sync-client
// (the same one the browser app uses) with fake-indexeddb as each device's local database.
//
//   npx nx build sync-client                 # emits dist/libs/sync-client
//   npm start                                # another terminal
//   node examples/node-sync-client.mjs       # FINWISE_URL=http://host:port to point elsewhere
//
// In your own project: npm install the built package and `import { createSyncClient } from
// '@finwise/sync-client'`. Every step asserts what the docs promise; exit code 1 otherwise.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

const server = (process.env.FINWISE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const { createSyncClient } = await loadSyncClient();

async function post(path, body, token) {
  const response = await fetch(`${server}/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Resolves when `predicate(rows)` holds for a table's live query, or fails after `ms`. */
function until(table, predicate, what, ms = 10_000) {
  return new Promise((resolveRows, reject) => {
    let unsubscribe = () => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    unsubscribe = table.observe((rows) => {
      if (!predicate(rows)) return;
      clearTimeout(timer);
      queueMicrotask(() => unsubscribe());
      resolveRows(rows);
    });
  });
}

const email = `node-${Date.now()}-${randomUUID().slice(0, 6)}@example.com`;
const signup = await post('/auth/signup', { email, password: 'a long password' });
assert.equal(signup.status, 201, `sign-up answered ${signup.status}`);
let session = signup.body;
console.log(`signed up ${email}, household ${session.tenant.id}`);

/** One device: its own IndexedDB, the shared session, and a refresh that rotates the tokens. */
function device(name) {
  return createSyncClient({
    url: server,
    tenantId: session.tenant.id,
    clientId: name,
    getToken: () => session.accessToken,
    refreshToken: async () => {
      const refreshed = await post('/auth/refresh', { refreshToken: session.refreshToken });
      assert.equal(refreshed.status, 200, 'refresh failed');
      session = refreshed.body;
      return session.accessToken;
    },
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
}

const phone = device('phone');
const laptop = device('laptop');
try {
  await Promise.all([phone.start(), laptop.start()]);
  assert.equal(phone.status().online, true, 'the phone should be online after start()');

  // 1. A local write is visible at once, queued in the outbox, and reaches the other device live.
  const accounts = phone.table('accounts');
  const giro = await accounts.create({
    name: 'Giro',
    type: 'checking',
    currency: 'EUR',
    onBudget: true,
    closed: false,
    sortOrder: 0,
  });
  assert.equal((await accounts.get(giro.id))?.name, 'Giro');
  await phone.flush();
  assert.equal(phone.status().pendingCount, 0);
  await until(
    laptop.table('accounts'),
    (rows) => rows.some((row) => row.id === giro.id),
    'the account on the laptop',
  );
  console.log(`phone created "${giro.name}"; the laptop has it live`);

  // 2. Offline edits of different fields of the same row both survive (per-field merge).
  phone.disconnect();
  await accounts.update(giro.id, { note: 'joint account' });
  assert.equal(phone.status().pendingCount, 1, 'the offline edit waits in the outbox');
  await laptop.table('accounts').update(giro.id, { name: 'Giro (joint)' });
  await laptop.flush();
  phone.connect();
  await phone.flush();
  const merged = (rows) =>
    rows.some(
      (row) => row.id === giro.id && row.name === 'Giro (joint)' && row.note === 'joint account',
    );
  await until(accounts, merged, 'the merged row on the phone');
  await until(laptop.table('accounts'), merged, 'the merged row on the laptop');
  console.log('offline edits merged per field: name from the laptop, note from the phone');

  // 3. A transaction (money in integer minor units) and a delete that syncs as a tombstone.
  const transactions = laptop.table('transactions');
  const coffee = await transactions.create({
    accountId: giro.id,
    date: '2026-11-25',
    amountMinor: -350,
    notes: 'Café',
    cleared: false,
    reconciled: false,
  });
  await laptop.flush();
  await until(
    phone.table('transactions'),
    (rows) => rows.some((row) => row.id === coffee.id && row.amountMinor === -350),
    'the transaction on the phone',
  );
  await phone.table('transactions').delete(coffee.id);
  await phone.flush();
  await until(
    transactions,
    (rows) => !rows.some((row) => row.id === coffee.id),
    'the delete on the laptop',
  );
  console.log('a transaction was created on the laptop and deleted on the phone');

  // 4. Local validation uses the shared schemas: nothing invalid is stored or queued.
  await assert.rejects(
    accounts.create({
      name: 'Bad',
      type: 'checking',
      currency: 'EURO',
      onBudget: true,
      closed: false,
      sortOrder: 0,
    }),
    (error) => error.code === 'validation',
  );

  // 5. What the server holds is what the devices hold.
  const listed = await fetch(`${server}/api/accounts/${giro.id}`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  assert.equal(listed.status, 200);
  const serverRow = await listed.json();
  assert.deepEqual(
    { name: serverRow.name, note: serverRow.note },
    { name: 'Giro (joint)', note: 'joint account' },
  );
  assert.equal(phone.status().rejections.length, 0, 'nothing was rejected');
  console.log('node example: all steps behaved as documented');
} finally {
  await Promise.allSettled([phone.stop(), laptop.stop()]);
}

/**
 * Loads the built package from dist/libs/sync-client (or FINWISE_SYNC_CLIENT) through its
 * package.json, as a consumer's `import '@finwise/sync-client'` would.
 */
async function loadSyncClient() {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(
    process.env.FINWISE_SYNC_CLIENT ?? join(here, '..', 'dist', 'libs', 'sync-client'),
  );
  const manifest = await readFile(join(dir, 'package.json'), 'utf8').then(JSON.parse, () => ({}));
  const candidates = [
    importTarget(manifest.exports?.['.'] ?? manifest.exports),
    manifest.module,
    manifest.main,
    'index.mjs',
    'index.js',
  ];
  for (const entry of candidates.filter(Boolean)) {
    if (existsSync(join(dir, entry))) return import(pathToFileURL(join(dir, entry)).href);
  }
  console.error(
    `@finwise/sync-client is not built at ${dir}: run "npx nx build sync-client" first`,
  );
  process.exit(1);
}

function importTarget(target) {
  if (typeof target === 'string') return target;
  if (!target || typeof target !== 'object') return undefined;
  for (const condition of ['import', 'node', 'default']) {
    const found = importTarget(target[condition]);
    if (found) return found;
  }
  return undefined;
}
