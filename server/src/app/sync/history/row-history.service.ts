import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { HistoryLimits, type RowHistory } from '@finwise/sync-protocol';
import { DatabaseService } from '../../database/database.service';
import { sqlOf } from '../../database/sql-runner';
import { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import { ChangeHistory } from './change-history';
import { historyItems } from './history-items';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d{1,4}$/;

/**
 * `GET /api/{modelName}/:id/history` (FINANCE §6): the recorded mutations of one row of the
 * caller's household, deleted rows included (their delete is part of the story).
 */
@Injectable()
export class RowHistoryService {
  constructor(
    private readonly database: DatabaseService,
    private readonly registry: SyncedEntityRegistry,
    private readonly changes: ChangeHistory,
  ) {}

  async ofRow(
    tenantId: string,
    modelName: string,
    id: string,
    query: { limit?: unknown },
  ): Promise<RowHistory> {
    const table = this.registry.get(modelName);
    const limit = limitOf(query.limit);
    const notFound = () =>
      new NotFoundException(`${table.definition.label} ${id.slice(0, 100)} not found`);
    if (!UUID.test(id)) throw notFound();
    const rowId = id.toLowerCase();
    const items = await this.database.inTenantTransaction(tenantId, async (manager) => {
      const sql = sqlOf(manager);
      // The row itself (a tombstone too) decides 404: another household's id is unknown here.
      const rows = await table.findByIds(sql, tenantId, [rowId]);
      if (!rows.has(rowId)) return null;
      const stored = await this.changes.ofRow(sql, tenantId, modelName, rowId, limit);
      const clocks = stored.flatMap((entry) =>
        Object.values(entry.replaced ?? {}).flatMap(([, clock]) => (clock ? [clock] : [])),
      );
      const origins = await this.changes.originsOf(sql, tenantId, modelName, rowId, clocks);
      return historyItems(stored, origins, table.fieldNames);
    });
    if (!items) throw notFound();
    return { items };
  }
}

function limitOf(raw: unknown): number {
  if (raw === undefined) return HistoryLimits.defaultLimit;
  const limit = typeof raw === 'string' && DIGITS.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= HistoryLimits.maxLimit)) {
    throw new BadRequestException(
      `limit must be an integer between 1 and ${HistoryLimits.maxLimit}`,
    );
  }
  return limit;
}
