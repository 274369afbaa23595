import { transactions } from '@finwise/domain';
import { createSyncClient } from '@finwise/sync-client';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { writePageFile } from '../harness/bench-page';
import { callPage, chromiumMissing, openBenchPage } from '../harness/browser';
import type { BenchContext, LoadedTenant, Scenario } from '../harness/context';
import { pushThroughSockets } from '../harness/protocol-drivers';
import { analyze, rawKeysetRead } from '../harness/raw-postgres';
import type { RunningServer } from '../harness/server-process';
import { signup } from '../harness/session';
import { createMutations, packBatches, transactionRows } from '../harness/transaction-rows';

/** The client's page size, used for the baseline's reads and bulkPut chunks too. */
const PAGE = 1000;
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Scenario 2: a fresh sync client (Node on fake-indexeddb, and real Chromium) loads a tenant of
 * N transactions, against the raw parts of a load in the same environment: a keyset read of
 * the same rows from PostgreSQL plus a Dexie `bulkPut` of them in pages of 1,000.
 */
export const initialLoad: Scenario = {
  name: 'load',
  title: '2. initial load',
  async run(context) {
    const server = await context.primaryServer();
    const tenant = await tenantWithRows(context, server);
    const detail = `${tenant.rows.toLocaleString('en-US')} rows`;
    const missing = !context.options.browser ? 'disabled with --no-browser' : chromiumMissing();

    // The product first, in the state the push left the database in (see `analyze`).
    const nodeMs = await nodeClientLoad(server, tenant);
    const browserMs = missing ? null : await browserClientLoad(server, tenant);

    await analyze(context.database.pool, 'transactions');
    const read = await rawKeysetRead(
      context.database.pool,
      'transactions',
      tenant.session.tenantId,
      PAGE,
    );
    if (read.rows.length !== tenant.rows)
      throw new Error(`raw read found ${read.rows.length} of ${tenant.rows} rows`);
    const indexes = (transactions.clientIndexes ?? []).map(snakeCase);
    const nodePutMs = await nodeRawBulkPut(read.rows, indexes);
    context.log(
      `node: client ${nodeMs.toFixed(0)} ms; raw read ${read.ms.toFixed(0)} ms + bulkPut ${nodePutMs.toFixed(0)} ms`,
    );
    context.record({
      scenario: 'load',
      metric: 'initial load, Node client (fake-indexeddb)',
      detail,
      unit: 's',
      ours: nodeMs / 1000,
      baseline: (read.ms + nodePutMs) / 1000,
      baselineName: 'raw keyset read + Dexie bulkPut',
      better: 'lower',
      target: { op: '<=', ratio: 1.5 },
    });

    if (missing || browserMs === null)
      return context.skip('load (browser)', missing ?? 'no browser');
    writePageFile(context.pageDir, 'rows.json', JSON.stringify(read.rows));
    read.rows.length = 0;
    const baseline = await openBenchPage(server.url);
    let browserPutMs: number;
    try {
      browserPutMs = (
        await callPage(baseline.page, 'rawBulkPut', { rowsUrl: '/rows.json', chunk: PAGE, indexes })
      ).ms;
    } finally {
      await baseline.close();
    }
    context.log(
      `chromium: client ${browserMs.toFixed(0)} ms; raw read ${read.ms.toFixed(0)} ms + bulkPut ${browserPutMs.toFixed(0)} ms`,
    );
    context.record({
      scenario: 'load',
      metric: 'initial load, Chromium client (IndexedDB)',
      detail,
      unit: 's',
      ours: browserMs / 1000,
      baseline: (read.ms + browserPutMs) / 1000,
      baselineName: 'raw keyset read + Dexie bulkPut',
      better: 'lower',
      target: { op: '<=', ratio: 1.5 },
    });
  },
};

async function browserClientLoad(server: RunningServer, tenant: LoadedTenant): Promise<number> {
  const page = await openBenchPage(server.url);
  try {
    const result = await callPage(page.page, 'syncClientLoad', {
      url: server.url,
      tenantId: tenant.session.tenantId,
      token: tenant.session.accessToken,
    });
    if (result.loaded !== tenant.rows || result.total !== tenant.rows) {
      throw new Error(
        `browser client loaded ${result.loaded} of ${result.total} (expected ${tenant.rows})`,
      );
    }
    return result.ms;
  } finally {
    await page.close();
  }
}

/** The push scenario's tenant when it ran, else a tenant filled the same way. */
async function tenantWithRows(context: BenchContext, server: RunningServer): Promise<LoadedTenant> {
  if (context.loadedTenant) return context.loadedTenant;
  const rows = context.options.sizes.pushRows;
  const session = await signup(server.url, 'load');
  await pushThroughSockets(
    server.url,
    session,
    packBatches(createMutations(transactionRows(rows))),
    null,
  );
  context.loadedTenant = { session, rows };
  return context.loadedTenant;
}

async function nodeClientLoad(server: RunningServer, tenant: LoadedTenant): Promise<number> {
  const started = performance.now();
  const client = createSyncClient({
    url: server.url,
    tenantId: tenant.session.tenantId,
    getToken: () => tenant.session.accessToken,
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  try {
    await client.start();
    const ms = performance.now() - started;
    const { loaded, total } = client.status().initialLoad;
    if (loaded !== tenant.rows || total !== tenant.rows)
      throw new Error(`Node client loaded ${loaded} of ${total} (expected ${tenant.rows})`);
    return ms;
  } finally {
    await client.stop();
  }
}

async function nodeRawBulkPut(
  rows: readonly Record<string, unknown>[],
  indexes: readonly string[],
): Promise<number> {
  const db = new Dexie('raw-baseline', { indexedDB: new IDBFactory(), IDBKeyRange });
  db.version(1).stores({ transactions: ['&id', ...indexes].join(', ') });
  await db.open();
  try {
    const started = performance.now();
    for (let offset = 0; offset < rows.length; offset += PAGE)
      await db.table('transactions').bulkPut(rows.slice(offset, offset + PAGE));
    return performance.now() - started;
  } finally {
    db.close();
  }
}
