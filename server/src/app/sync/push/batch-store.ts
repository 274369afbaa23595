import { Injectable } from '@nestjs/common';
import type { AnyRecord } from '@finwise/sync-protocol';
import type { SqlRunner } from '../../database/sql-runner';
import { ChangeFeed, type FeedPosition } from '../feed/change-feed';
import { MutationLog } from '../feed/mutation-log';
import { ChangeHistory, type HistoryWriter } from '../history/change-history';
import { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import type { StoredRow, SyncedTable } from '../tables/synced-table';
import { rowKey, type MergedBatch, type StoredRows } from './batch-merge';
import type { CheckedMutation, RowTarget } from './mutation-check';

/** What a batch's merge needs from the database, read under the household's lock. */
export interface BatchReads {
  /** Null when the household does not exist. */
  position: FeedPosition | null;
  stored: StoredRows;
  /** What the mutation log holds for the batch's mutation ids: lowercase id → digest. */
  logged: ReadonlyMap<string, string>;
}

/**
 * The push path's reads and writes of one batch. Each step's statements are issued together
 * and answered in order on the transaction's pipelined connection (see PipelinedTransaction),
 * so each step costs the household's lock one round trip.
 */
@Injectable()
export class BatchStore {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly log: MutationLog,
    private readonly history: ChangeHistory,
    private readonly registry: SyncedEntityRegistry,
  ) {}

  /**
   * Locks the household's feed, then reads the stored rows (tombstones included) and the log
   * entries the batch names: the reads run after the lock is granted, so they see every
   * batch committed before.
   */
  async read(
    sql: SqlRunner,
    tenantId: string,
    targets: readonly (RowTarget | undefined)[],
    loggedIds: readonly string[],
  ): Promise<BatchReads> {
    const idsByTable = groupByTable(targets);
    const [position, logged, ...found] = await Promise.all([
      this.feed.lock(sql, tenantId),
      this.log.digestsOf(sql, tenantId, loggedIds),
      ...[...idsByTable].map(([table, ids]) => table.findByIds(sql, tenantId, [...ids])),
    ]);
    return { position, stored: byRowKey(idsByTable, found), logged };
  }

  /**
   * `stored` plus the rows the mutations' reference rules read (a split line's parent) that
   * the batch does not name itself: a second round trip, only for batches that need one.
   */
  async withReferencedRows(
    sql: SqlRunner,
    tenantId: string,
    mutations: readonly CheckedMutation[],
    stored: StoredRows,
  ): Promise<StoredRows> {
    const missing: RowTarget[] = [];
    for (const mutation of mutations) {
      if (!('accepted' in mutation)) continue;
      const { table, data } = mutation.accepted;
      for (const rule of table.definition.referenceRules) {
        const id = data[rule.via] ?? stored.get(rowKey(table, data.id))?.[rule.via];
        const target = this.registry.find(rule.entity);
        if (typeof id === 'string' && target && !stored.has(rowKey(target, id))) {
          missing.push({ table: target, id });
        }
      }
    }
    if (missing.length === 0) return stored;
    const idsByTable = groupByTable(missing);
    const found = await Promise.all(
      [...idsByTable].map(([table, ids]) => table.findByIds(sql, tenantId, [...ids])),
    );
    return new Map([...stored, ...byRowKey(idsByTable, found)]);
  }

  /**
   * Writes a merged batch after feed position `fromSeq`: every changed row with its position,
   * the new log entries, what the history records of it (as written by `writer`) and the
   * feed's advance. Returns the position the feed reached.
   */
  async write(
    sql: SqlRunner,
    tenantId: string,
    fromSeq: number,
    merged: MergedBatch,
    writer: HistoryWriter,
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
      this.history.record(sql, tenantId, writer, merged.history),
      ...[...byTable].map(([table, rows]) => table.upsert(sql, tenantId, rows)),
    ]);
    // The household is locked: nobody else can have moved its feed.
    if (reached !== fromSeq + count) {
      throw new Error(`feed of household ${tenantId} moved while locked: ${reached}`);
    }
    return reached;
  }
}

function groupByTable(targets: readonly (RowTarget | undefined)[]): Map<SyncedTable, Set<string>> {
  const idsByTable = new Map<SyncedTable, Set<string>>();
  for (const target of targets) {
    if (!target) continue;
    const ids = idsByTable.get(target.table) ?? new Set<string>();
    ids.add(target.id);
    idsByTable.set(target.table, ids);
  }
  return idsByTable;
}

function byRowKey(
  idsByTable: ReadonlyMap<SyncedTable, unknown>,
  found: readonly ReadonlyMap<string, AnyRecord>[],
): Map<string, AnyRecord> {
  const stored = new Map<string, AnyRecord>();
  [...idsByTable.keys()].forEach((table, i) => {
    for (const [id, record] of found[i]) stored.set(rowKey(table, id), record);
  });
  return stored;
}
