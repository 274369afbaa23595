import { Injectable } from '@nestjs/common';
import type { SqlRunner } from '../../database/sql-runner';
import { ChangeFeed } from '../feed/change-feed';
import { MutationLog } from '../feed/mutation-log';
import type { StoredRow, SyncedTable } from '../tables/synced-table';
import type { MergedBatch } from './batch-merge';

/**
 * Writes a merged batch: every changed row with its feed position, the new mutation-log
 * entries and the feed's advance. The statements are issued together, so the household's
 * lock is held for one round trip of writing (see PipelinedTransaction).
 */
@Injectable()
export class BatchWriter {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly log: MutationLog,
  ) {}

  /** Writes `merged` after feed position `fromSeq` and returns the position the feed reached. */
  async write(
    sql: SqlRunner,
    tenantId: string,
    fromSeq: number,
    merged: MergedBatch,
  ): Promise<number> {
    const byTable = new Map<SyncedTable, StoredRow[]>();
    merged.changed.forEach(({ table, record }, i) => {
      const rows = byTable.get(table) ?? [];
      rows.push({ record, serverSeq: fromSeq + i + 1 });
      byTable.set(table, rows);
    });
    const count = merged.changed.length;
    const [reached] = await Promise.all([
      count > 0 ? this.feed.advance(sql, tenantId, count) : fromSeq,
      this.log.record(sql, tenantId, merged.logEntries),
      ...[...byTable].map(([table, rows]) => table.upsert(sql, tenantId, rows)),
    ]);
    // The household is locked: nobody else can have moved its feed.
    if (reached !== fromSeq + count) {
      throw new Error(`feed of household ${tenantId} moved while locked: ${reached}`);
    }
    return reached;
  }
}
