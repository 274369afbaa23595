/**
 * Bundled into one script and run inside Chromium on the server's origin (the socket handshake
 * is then same-origin). Uses the sync client through its public API only.
 */
import { createSyncClient } from '@finwise/sync-client';
import Dexie from 'dexie';
import { importIntoLocalDatabase, openHousehold, rawImport } from './import-page';
import { PAGE_API_GLOBAL, type BenchPageApi } from './page-api';

const api: BenchPageApi = {
  async syncClientLoad({ url, tenantId, token }) {
    const started = performance.now();
    const client = createSyncClient({ url, tenantId, getToken: () => token });
    await client.start();
    const ms = performance.now() - started;
    const { loaded, total } = client.status().initialLoad;
    await client.stop();
    return { ms, loaded, total };
  },

  async rawBulkPut({ rowsUrl, chunk, indexes }) {
    const rows = (await (await fetch(rowsUrl)).json()) as { id: string }[];
    const db = new Dexie(`raw-baseline-${Date.now()}`);
    db.version(1).stores({ transactions: ['&id', ...indexes].join(', ') });
    await db.open();
    const started = performance.now();
    for (let offset = 0; offset < rows.length; offset += chunk) {
      await db.table('transactions').bulkPut(rows.slice(offset, offset + chunk));
    }
    const ms = performance.now() - started;
    db.close();
    return { ms, count: rows.length };
  },

  openHousehold,
  importIntoLocalDatabase,
  rawImport,
};

(globalThis as unknown as Record<string, BenchPageApi>)[PAGE_API_GLOBAL] = api;
