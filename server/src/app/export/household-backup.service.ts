import { ForbiddenException, Injectable } from '@nestjs/common';
import { ErrorCodes, type AnyRecord } from '@finwise/sync-protocol';
import { settingsId } from '@finwise/domain';
import { DatabaseService } from '../database/database.service';
import { sqlOf } from '../database/sql-runner';
import { SyncedEntityRegistry } from '../sync/tables/synced-entity-registry';
import type { SyncedTable } from '../sync/tables/synced-table';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupRow,
  type HouseholdBackup,
} from './backup-document';
import { readLiveRows } from './live-rows.query';

/**
 * The household's backup: every live row of every synced entity in the registry, read in one
 * snapshot. Rows carry their id and entity fields only: clocks and timestamps belong to the
 * household that wrote them, and a restore writes the rows anew.
 */
@Injectable()
export class HouseholdBackupService {
  constructor(
    private readonly database: DatabaseService,
    private readonly registry: SyncedEntityRegistry,
  ) {}

  async backup(tenantId: string): Promise<HouseholdBackup> {
    const entities = await this.database.inTenantTransaction(
      tenantId,
      async (manager) => {
        const sql = sqlOf(manager);
        const households = await sql.rows('SELECT 1 FROM tenants WHERE id = $1', [tenantId]);
        if (households.length === 0) {
          throw new ForbiddenException({
            message: 'unknown household',
            details: { code: ErrorCodes.forbidden },
          });
        }
        const result: Record<string, BackupRow[]> = {};
        for (const table of this.registry.all()) {
          const rows = await readLiveRows(sql, tenantId, table);
          result[table.modelName] = rows.map((row) => backupRow(table, row));
        }
        return result;
      },
      { isolation: 'REPEATABLE READ' },
    );
    const settings = entities['settings']?.find((row) => row.id === settingsId());
    const currency = settings?.['budgetCurrency'];
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      ...(typeof currency === 'string' ? { currency } : {}),
      entities,
    };
  }
}

export function backupRow(table: SyncedTable, record: AnyRecord): BackupRow {
  const row: BackupRow = { id: record.id };
  for (const field of table.fieldNames) row[field] = record[field] ?? null;
  return row;
}
