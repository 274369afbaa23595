import { indexedDbDependencies } from '../../src/lib/environment';
import type { IndexedDbDependencies } from '../../src/lib/database/local-database';

/** What createSyncClient does first: makes Dexie's liveQuery work on this factory in Node. */
export function environmentReady(device: IndexedDbDependencies): void {
  indexedDbDependencies(device);
}
