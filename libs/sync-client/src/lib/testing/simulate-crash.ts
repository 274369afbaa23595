import type { SyncClient } from '../public-types';
import { CRASH_HOOK } from './crash-hook';

interface Crashable {
  [CRASH_HOOK](): void;
}

/**
 * For tests (not exported by the package): ends a client the way a killed tab ends — socket
 * and database closed on the spot, no stop(), no lease released, nothing awaited.
 */
export function simulateCrash(client: SyncClient): void {
  const crashable = client as Partial<Crashable>;
  if (typeof crashable[CRASH_HOOK] !== 'function')
    throw new TypeError('simulateCrash needs a client made by createSyncClient');
  crashable[CRASH_HOOK]();
}
