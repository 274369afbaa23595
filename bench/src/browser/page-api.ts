/** What the benchmark page (load-page.ts, bundled for Chromium) offers to the Node side. */
export interface BenchPageApi {
  /** A fresh `@finwise/sync-client` loads the tenant; `ms` runs from `createSyncClient` to `start()` resolving. */
  syncClientLoad(input: {
    url: string;
    tenantId: string;
    token: string;
  }): Promise<{ ms: number; loaded: number; total: number }>;
  /**
   * Raw Dexie baseline: fetches rows (untimed), then `bulkPut`s them into a fresh database with
   * the client's indexes, `chunk` rows per call (the client's page size).
   */
  rawBulkPut(input: {
    rowsUrl: string;
    chunk: number;
    indexes: string[];
  }): Promise<{ ms: number; count: number }>;
  /**
   * A sync client loads the household and goes offline (kept for `importIntoLocalDatabase`), so
   * the import that follows is the local work alone: nothing is pushed while it runs.
   */
  openHousehold(input: {
    url: string;
    tenantId: string;
    token: string;
  }): Promise<{ loaded: number; total: number }>;
  /**
   * Timed, on the client `openHousehold` left: `readStatement` of the file, the import context
   * read from the client's database, `planImport`, and one `writeAll` through the client of the
   * payee seeds, the plan's mutations and the account's import settings, as the app writes an
   * import. Stops the client.
   */
  importIntoLocalDatabase(input: {
    accountId: string;
    currency: string;
    fileUrl: string;
    fileName: string;
  }): Promise<LocalImportResult>;
  /**
   * Raw baseline in the same database: decoding the file and a plain papaparse parse of it,
   * then one Dexie `bulkPut` of as many rows as the import wrote (copies of them, new ids).
   */
  rawImport(input: { tenantId: string; fileUrl: string; rowIds: string[] }): Promise<{
    parseMs: number;
    putMs: number;
    parsedRecords: number;
    putRows: number;
  }>;
}

export interface LocalImportResult {
  readMs: number;
  contextMs: number;
  /** Transaction rows in the import context. */
  contextRows: number;
  planMs: number;
  writeMs: number;
  /** read + context + plan + write */
  ms: number;
  summary: { new: number; match: number; duplicate: number; locked: number; error: number };
  /** The plan's mutations (`writeAll` also writes the payee seeds and the settings row). */
  writes: number;
  payeeSeeds: number;
  /** The rows those mutations wrote (for the baseline). */
  writtenIds: string[];
  /** The outbox after the import (nothing was pushed). */
  pendingCount: number;
}

export const PAGE_API_GLOBAL = 'finwiseBench';
