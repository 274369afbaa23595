import type { SyncClient } from '../public-types';
import { SyncClientRuntime } from '../sync-client-runtime';

/**
 * For tests (not exported by the package): ends a client the way a killed tab ends — socket
 * and database closed on the spot, no stop(), no lease released, nothing awaited.
 */
export function simulateCrash(client: SyncClient): void {
  if (!(client instanceof SyncClientRuntime))
    throw new TypeError('simulateCrash needs a client made by createSyncClient');
  client.simulateCrash();
}
