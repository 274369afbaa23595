import type { Type } from '@nestjs/common';
import { SyncedTable } from './synced-table';
import { syncedTableOf } from './synced-entity-module';
import type { DatabaseService } from '../../database/database.service';

/** modelName → generic repository, built once from the registered entity modules. */
export class SyncedEntityRegistry {
  private readonly tables = new Map<string, SyncedTable>();

  constructor(database: DatabaseService, modules: readonly Type<unknown>[]) {
    for (const module of modules) {
      const { definition, table } = syncedTableOf(module);
      if (this.tables.has(definition.modelName)) {
        throw new Error(`Synced entity ${definition.modelName} is registered twice`);
      }
      this.tables.set(
        definition.modelName,
        new SyncedTable(definition, database.dataSource.getMetadata(table)),
      );
    }
  }

  find(modelName: unknown): SyncedTable | undefined {
    return typeof modelName === 'string' ? this.tables.get(modelName) : undefined;
  }

  get(modelName: string): SyncedTable {
    const table = this.tables.get(modelName);
    if (!table) throw new Error(`Unknown synced entity ${modelName}`);
    return table;
  }

  all(): SyncedTable[] {
    return [...this.tables.values()];
  }

  get modelNames(): string[] {
    return [...this.tables.keys()];
  }
}
