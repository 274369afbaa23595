import Dexie from 'dexie';
import type { IndexedDbDependencies } from './database/local-database';
import type { SyncClientOptions } from './public-types';

/**
 * The IndexedDB implementation to use: the options' (Node: fake-indexeddb, one factory per
 * simulated device) or the browser's. Also fills `Dexie.dependencies` when it is empty,
 * because Dexie's `liveQuery` checks that global before every run and silently never fires
 * without it (there is no global `indexedDB` in Node). Dexie instances always get the
 * factory explicitly, so the global only has to be non-empty, not to be "the right" one.
 */
export function indexedDbDependencies(
  options: Pick<SyncClientOptions, 'indexedDB' | 'IDBKeyRange'>,
): IndexedDbDependencies {
  // The options are typed structurally (see IndexedDbFactoryLike); callers pass the real thing.
  const indexedDB =
    (options.indexedDB as IDBFactory | undefined) ??
    (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  const keyRange =
    (options.IDBKeyRange as typeof IDBKeyRange | undefined) ??
    (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  if (!indexedDB || !keyRange) {
    throw new Error(
      'No IndexedDB available: pass options.indexedDB and options.IDBKeyRange (in Node, from fake-indexeddb)',
    );
  }
  // Mutate, never replace: liveQuery holds a reference to this very object.
  const deps = Dexie.dependencies as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
  if (!deps.indexedDB) deps.indexedDB = indexedDB;
  if (!deps.IDBKeyRange) deps.IDBKeyRange = keyRange;
  return { indexedDB, IDBKeyRange: keyRange };
}

/** Whether this client uses the environment's own IndexedDB (shared by all its tabs). */
export function usesGlobalIndexedDb(dependencies: IndexedDbDependencies): boolean {
  return dependencies.indexedDB === (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}
