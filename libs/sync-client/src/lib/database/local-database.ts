import Dexie, { type Table } from 'dexie';
import {
  CLIENT_SCHEMA_VERSION,
  SYNCED_ENTITIES,
  type SyncedEntityDefinition,
} from '@finwise/domain';
import type { AnyRecord } from '@finwise/sync-protocol';
import { OUTBOX_INDEXES, type OutboxTable } from '../outbox/outbox-entry';

export interface MetaEntry {
  key: string;
  value: unknown;
}

export interface IndexedDbDependencies {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

const OUTBOX_TABLE = 'outbox';
const META_TABLE = 'meta';

export function databaseName(tenantId: string): string {
  return `finwise-${tenantId}`;
}

/**
 * Dexie schema derived from the entity registry: a table per entity keyed by `id` with the
 * entity's few client indexes (every index slows bulk loads), plus the outbox and meta.
 */
function databaseSchema(
  entities: readonly SyncedEntityDefinition[] = SYNCED_ENTITIES,
): Record<string, string> {
  const schema: Record<string, string> = {
    [OUTBOX_TABLE]: OUTBOX_INDEXES,
    [META_TABLE]: '&key',
  };
  for (const entity of entities) {
    if (entity.modelName in schema)
      throw new Error(`Entity ${entity.modelName} collides with an engine table`);
    schema[entity.modelName] = ['&id', ...entity.clientIndexes].join(', ');
  }
  return schema;
}

/** The per-tenant local database `finwise-<tenantId>`. */
export class LocalDatabase extends Dexie {
  // `declare`: Dexie creates these properties itself; class fields would overwrite them.
  declare readonly outbox: OutboxTable;
  declare readonly meta: Table<MetaEntry, string>;

  constructor(
    /** The tenant as the options name it; stamped on rows made locally. */
    readonly tenantId: string,
    dependencies: IndexedDbDependencies,
  ) {
    super(databaseName(tenantId), {
      indexedDB: dependencies.indexedDB,
      IDBKeyRange: dependencies.IDBKeyRange,
      // Several engines in one process may open databases of the same name on different
      // factories (one per simulated device); a shared cache would mix them up.
      cache: 'disabled',
    });
    this.version(CLIENT_SCHEMA_VERSION).stores(databaseSchema());
  }

  rows(modelName: string): Table<AnyRecord, string> {
    return this.table(modelName);
  }

  /** Entity tables plus outbox and meta: the scope of every transaction that touches rows. */
  syncTables(): Table[] {
    return [...SYNCED_ENTITIES.map((e) => this.table(e.modelName)), this.outbox, this.meta];
  }

  entityTables(): Table<AnyRecord, string>[] {
    return SYNCED_ENTITIES.map((e) => this.rows(e.modelName));
  }
}
