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

/** Factories of started, not yet stopped clients, with how many clients use each. */
const inUse = new Map<IDBFactory, number>();

/**
 * A client starts on this factory: it stays in `Dexie.dependencies` (or is put back there, if
 * a stopped client's release emptied it) while the client runs.
 */
export function holdIndexedDb(dependencies: IndexedDbDependencies): void {
  const { indexedDB } = dependencies;
  inUse.set(indexedDB, (inUse.get(indexedDB) ?? 0) + 1);
  const deps = Dexie.dependencies as { indexedDB?: IDBFactory };
  if (!deps.indexedDB) deps.indexedDB = indexedDB;
}

/**
 * A client stopped: if the global still points at its factory and no running client uses that
 * factory any more, the global moves to a running client's factory (or back to the
 * environment's, none in Node). Otherwise a stopped client's whole in-memory database (Node,
 * fake-indexeddb) would stay reachable from Dexie's global until the next client is created.
 */
export function releaseIndexedDb(dependencies: IndexedDbDependencies): void {
  const { indexedDB } = dependencies;
  const count = (inUse.get(indexedDB) ?? 0) - 1;
  if (count > 0) {
    inUse.set(indexedDB, count);
    return;
  }
  inUse.delete(indexedDB);
  const deps = Dexie.dependencies as { indexedDB?: IDBFactory };
  if (deps.indexedDB !== indexedDB) return;
  const running = [...inUse.keys()];
  deps.indexedDB =
    running[running.length - 1] ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}

/** Whether this client uses the environment's own IndexedDB (shared by all its tabs). */
export function usesGlobalIndexedDb(dependencies: IndexedDbDependencies): boolean {
  return dependencies.indexedDB === (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}
