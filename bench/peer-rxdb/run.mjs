// Peer comparison for `npm run bench -- --peer` (spawned by bench/src/scenarios/peer-rxdb.ts):
// the benchmark's transaction rows through RxDB's websocket replication, memory storage on the
// server and on both clients, all in this one Node process on 127.0.0.1.
//   node run.mjs <rows.json> <batchSize> [live|backlog]
// Prints one line `RXDB_RESULT {"rows","batchSize","mode","pushMs","loadMs"}`.
//  - push, `live` (default): a replicating client writes the rows in chunks of 1,000; timed
//    until the server's collection holds every row. `backlog`: the client holds the rows before
//    it starts replicating (like our outbox after a long offline spell) — RxDB's memory storage
//    then slows down with the backlog's size (20k rows: 2.9k rows/s, 100k: 0.6k rows/s at batch
//    100 on the machine in bench/README.md), so the default is the case it handles best;
//  - load: a fresh client starts replicating; timed until its initial replication is done
//    and it holds every row (the equivalent of our initial load).
import { readFileSync } from 'node:fs';
import { createRxDatabase } from 'rxdb';
import {
  replicateWithWebsocketServer,
  startWebsocketServer,
} from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';

const [rowsFile, batchArg, modeArg] = process.argv.slice(2);
const batchSize = Number(batchArg ?? 100);
const mode = modeArg ?? 'live';
const rows = JSON.parse(readFileSync(rowsFile, 'utf8'));

const nullable = (type) => ({ type: [type, 'null'] });
const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 36 },
    accountId: { type: 'string' },
    date: { type: 'string' },
    amountMinor: { type: 'integer' },
    payee: { type: 'string' },
    notes: nullable('string'),
    categoryId: nullable('string'),
    cleared: { type: 'boolean' },
    reconciled: { type: 'boolean' },
    transferAccountId: nullable('string'),
    transferCleared: nullable('boolean'),
    transferReconciled: nullable('boolean'),
    parentId: nullable('string'),
  },
  required: ['id', 'accountId', 'date', 'amountMinor', 'payee', 'cleared', 'reconciled'],
};

async function database(name) {
  const db = await createRxDatabase({
    name: `${name}-${process.pid}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  await db.addCollections({ transactions: { schema } });
  return db;
}

async function waitFor(predicate, what, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function replicate(db, url, id) {
  const state = await replicateWithWebsocketServer({
    collection: db.transactions,
    url,
    replicationIdentifier: `bench-${id}`,
    batchSize,
    live: true,
  });
  state.error$.subscribe((error) =>
    process.stderr.write(`replication error: ${error?.message ?? error}\n`),
  );
  return state;
}

const server = await database('server');
const serverState = await startWebsocketServer({
  database: server,
  port: 0,
  host: '127.0.0.1',
  path: '/socket',
});
if (!serverState.server.address())
  await new Promise((resolve) => serverState.server.once('listening', resolve));
const url = `ws://127.0.0.1:${serverState.server.address().port}/socket`;
const count = (db) => db.transactions.count().exec();

const pusher = await database('pusher');
if (mode === 'backlog') await pusher.transactions.bulkInsert(rows);
// RxDB's own completion signals, then one count as a check: polling count() on a memory
// collection of 100k documents would itself eat the CPU the replication runs on.
let started = performance.now();
const pushing = await replicate(pusher, url, 'pusher');
await pushing.awaitInitialReplication();
if (mode === 'live')
  for (let i = 0; i < rows.length; i += 1000)
    await pusher.transactions.bulkInsert(rows.slice(i, i + 1000));
await pushing.awaitInSync();
await waitFor(async () => (await count(server)) === rows.length, 'the push');
const pushMs = performance.now() - started;
await pushing.cancel();

const fresh = await database('fresh');
started = performance.now();
const loading = await replicate(fresh, url, 'fresh');
await loading.awaitInitialReplication();
await waitFor(async () => (await count(fresh)) === rows.length, 'the initial load');
const loadMs = performance.now() - started;
await loading.cancel();

process.stdout.write(
  `RXDB_RESULT ${JSON.stringify({ rows: rows.length, batchSize, mode, pushMs, loadMs })}\n`,
);
await serverState.close();
process.exit(0);
