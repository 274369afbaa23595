/**
 * The bank-file import in Chromium, as the app runs it offline: read the file, load what it is
 * compared with from the device's database, plan, and write through the sync client's local
 * write path; and, in the same page and database, the raw parts it is built from.
 */
import { importSettingsId } from '@finwise/domain';
import { planImport, readStatement } from '@finwise/import';
import { createSyncClient, type SyncClient } from '@finwise/sync-client';
import Dexie from 'dexie';
import Papa from 'papaparse';
import { loadImportContext } from './import-context';
import type { BenchPageApi } from './page-api';

/** The sync client's database for a household (`finwise-<tenantId>`, see its README). */
const localDatabase = (tenantId: string) => new Dexie(`finwise-${tenantId}`);

let opened: { client: SyncClient; tenantId: string } | null = null;

export const openHousehold: BenchPageApi['openHousehold'] = async ({ url, tenantId, token }) => {
  const client = createSyncClient({ url, tenantId, getToken: () => token });
  await client.start();
  client.disconnect();
  opened = { client, tenantId };
  return client.status().initialLoad;
};

export const importIntoLocalDatabase: BenchPageApi['importIntoLocalDatabase'] = async (input) => {
  if (!opened) throw new Error('openHousehold first');
  const { client, tenantId } = opened;
  opened = null;
  const bytes = new Uint8Array(await (await fetch(input.fileUrl)).arrayBuffer());
  const db = localDatabase(tenantId);
  await db.open();
  try {
    const started = performance.now();
    const statement = readStatement(bytes, input.fileName, {}, input.currency);
    const read = performance.now();
    const { context, rows } = await loadImportContext(
      client,
      db,
      input.accountId,
      input.currency,
      statement.lines,
    );
    const contextLoaded = performance.now();
    const plan = planImport(statement, context);
    const planned = performance.now();
    // As the app writes an import: the payees the file names (each only where unknown), the
    // rows and the account's remembered options, in one local transaction.
    await client.writeAll([
      ...plan.payeeSeeds.map((seed) => ({
        modelName: 'payees',
        operation: 'create' as const,
        data: { ...seed, favorite: false },
        ifAbsent: true,
      })),
      ...plan.mutations,
      {
        modelName: 'import_settings',
        operation: 'create',
        data: {
          id: importSettingsId(input.accountId),
          accountId: input.accountId,
          options: JSON.stringify(statement.detected ?? {}),
        },
      },
    ]);
    const written = performance.now();
    return {
      readMs: read - started,
      contextMs: contextLoaded - read,
      contextRows: rows,
      planMs: planned - contextLoaded,
      writeMs: written - planned,
      ms: written - started,
      summary: plan.summary,
      writes: plan.mutations.length,
      payeeSeeds: plan.payeeSeeds.length,
      writtenIds: plan.mutations.map((write) => write.data.id),
      pendingCount: client.status().pendingCount,
    };
  } finally {
    db.close();
    await client.stop();
  }
};

export const rawImport: BenchPageApi['rawImport'] = async ({ tenantId, fileUrl, rowIds }) => {
  const bytes = new Uint8Array(await (await fetch(fileUrl)).arrayBuffer());
  const db = localDatabase(tenantId);
  await db.open();
  try {
    const table = db.table<{ id: string }, string>('transactions');
    // The rows the import wrote, as new rows (not timed): as many inserts into the same store.
    const rows = (await table.bulkGet(rowIds)).flatMap((row) =>
      row ? [{ ...row, id: crypto.randomUUID() }] : [],
    );
    const started = performance.now();
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
    const parsedAt = performance.now();
    await table.bulkPut(rows);
    const put = performance.now();
    return {
      parseMs: parsedAt - started,
      putMs: put - parsedAt,
      parsedRecords: parsed.data.length,
      putRows: rows.length,
    };
  } finally {
    db.close();
  }
};
