import type { SyncClient, SyncClientOptions } from './public-types';
import { SyncClientRuntime } from './sync-client-runtime';

/**
 * Creates the offline-first sync client of one tenant (DESIGN §7). Nothing happens until
 * `start()`; to switch tenant, stop this client and create another.
 */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  return new SyncClientRuntime(options);
}
