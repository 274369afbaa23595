import Dexie from 'dexie';
import type { IndexedDbDependencies } from './database/local-database';
import { SyncClientError } from './errors';
import type { SyncClientOptions } from './public-types';

/**
 * The IndexedDB implementation to use: the options' (Node: fake-indexeddb, one factory per
 * simulated device) or the environment's. Also points `Dexie.dependencies` at the options'
 * factory (DESIGN §7), or fills it with the environment's when it is empty: Dexie's
 * `liveQuery` checks that global before every run and silently never fires without it (Node
 * has no global `indexedDB`). Several clients with their own factories in one process stay
 * independent because each Dexie instance is given its factory explicitly; the global only
 * has to be non-empty, so the last client created setting it is harmless.
 */
export function indexedDbDependencies(
  options: Pick<SyncClientOptions, 'indexedDB' | 'IDBKeyRange'>,
): IndexedDbDependencies {
  // The options are typed structurally (see IndexedDbFactoryLike); callers pass the real thing.
  const given = options.indexedDB as IDBFactory | undefined;
  const givenKeyRange = options.IDBKeyRange as typeof IDBKeyRange | undefined;
  const indexedDB = given ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  const keyRange =
    givenKeyRange ?? (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  if (!indexedDB || !keyRange) {
    throw new SyncClientError(
      'no_indexeddb',
      'No IndexedDB available: pass options.indexedDB and options.IDBKeyRange (in Node, from fake-indexeddb)',
    );
  }
  // Mutate, never replace: liveQuery holds a reference to this very object.
  const deps = Dexie.dependencies as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
  if (given || !deps.indexedDB) deps.indexedDB = indexedDB;
  if (givenKeyRange || !deps.IDBKeyRange) deps.IDBKeyRange = keyRange;
  return { indexedDB, IDBKeyRange: keyRange };
}

/** Whether this client uses the environment's own IndexedDB (shared by all its tabs). */
export function usesGlobalIndexedDb(dependencies: IndexedDbDependencies): boolean {
  return dependencies.indexedDB === (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}
