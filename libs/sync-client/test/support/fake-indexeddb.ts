import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

/** A separate in-memory IndexedDB, as one device (browser profile) would have. */
export function newDevice(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}
