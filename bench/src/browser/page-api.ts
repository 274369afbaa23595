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
}

export const PAGE_API_GLOBAL = 'finwiseBench';
