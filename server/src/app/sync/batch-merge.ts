import {
  applyMutation,
  ErrorCodes,
  type AnyRecord,
  type ErrorCode,
  type MutationResult,
} from '@finwise/sync-protocol';
import type { AcceptedMutation, CheckedMutation, RowTarget } from './mutation-envelope';
import { mutationDigest, type LogEntry } from './mutation-log';
import type { ServerClock } from './server-clock';
import type { StoredRow, SyncedTable } from './synced-table';

export interface ChangedRow {
  table: SyncedTable;
  record: AnyRecord;
}

const rowKey = (table: SyncedTable, id: string) => `${table.modelName}\u0000${id}`;

/** Whether no two targets are the same row. */
export function aimsAtDistinctRows(targets: readonly RowTarget[]): boolean {
  return new Set(targets.map((t) => rowKey(t.table, t.id))).size === targets.length;
}

/**
 * What one batch's transaction knows while it merges: the stored rows it probed, the
 * mutation ids it processed, one result per mutation and the rows it changed. It does no I/O;
 * MergeService feeds it the probed rows and the checked mutations, part by part, and writes
 * what it hands out.
 */
export class BatchMerge {
  readonly accepted: AcceptedMutation[] = [];
  readonly results: MutationResult[] = [];
  /** Per mutation: whether it inserted a row that did not exist. */
  readonly inserted: boolean[] = [];
  /** Insertion order is the order of each row's last change in the batch: its feed order. */
  private readonly changed = new Map<string, ChangedRow>();
  private readonly rows = new Map<string, AnyRecord>();
  private readonly probed = new Set<string>();
  /** Processed mutation ids (lowercase, as PostgreSQL prints them) → digest. */
  private readonly logged = new Map<string, string>();
  /** Mutation id → index of the mutation of this batch that logged it. */
  private readonly loggedAt = new Map<string, number>();
  /** How many changed rows were handed out for writing (see takeUnwritten). */
  private handedOut = 0;
  /** `createdAt` of inserted rows: the time of the first merge, which runs once the household is locked. */
  private nowIso: string | null = null;

  constructor(
    private readonly tenantId: string,
    private readonly clock: ServerClock,
  ) {}

  get changedCount(): number {
    return this.changed.size;
  }

  get changedRows(): ChangedRow[] {
    return [...this.changed.values()];
  }

  /** Ids among `targets` whose rows were not probed yet, by table; marks them probed. */
  unprobed(targets: readonly RowTarget[]): [SyncedTable, string[]][] {
    const idsByTable = new Map<SyncedTable, string[]>();
    for (const target of targets) {
      const key = rowKey(target.table, target.id);
      if (this.probed.has(key)) continue;
      this.probed.add(key);
      const ids = idsByTable.get(target.table) ?? [];
      ids.push(target.id);
      idsByTable.set(target.table, ids);
    }
    return [...idsByTable];
  }

  /** Stored rows found by a probe. */
  remember(table: SyncedTable, found: ReadonlyMap<string, AnyRecord>): void {
    for (const [id, record] of found) this.rows.set(rowKey(table, id), record);
  }

  /** Digests the mutation log holds for ids of this batch (when it is read first). */
  rememberLogged(digests: ReadonlyMap<string, string>): void {
    for (const [id, digest] of digests) this.logged.set(id, digest);
  }

  /**
   * Merges the next checked mutations (the batch's mutations from index `results.length` on)
   * and returns the log entries they add.
   */
  merge(checked: readonly CheckedMutation[]): LogEntry[] {
    const toLog: LogEntry[] = [];
    for (const c of checked) {
      const index = this.results.length;
      this.inserted.push(false);
      if ('accepted' in c) {
        this.accepted.push(c.accepted);
        this.results.push(this.mergeOne(c.accepted, index, toLog));
      } else {
        // A rejected mutation carries the row's current state so the client can roll back to it.
        const current = c.target ? this.rows.get(rowKey(c.target.table, c.target.id)) : undefined;
        this.results.push(current ? { ...c.rejected, record: current } : c.rejected);
      }
    }
    return toLog;
  }

  /** The changed rows not handed out before, with their feed positions after `seq`, by table. */
  takeUnwritten(seq: number): Map<SyncedTable, StoredRow[]> {
    const byTable = new Map<SyncedTable, StoredRow[]>();
    const rows = this.changedRows.slice(this.handedOut);
    rows.forEach((row, i) => {
      const list = byTable.get(row.table) ?? [];
      list.push({ record: row.record, serverSeq: seq + this.handedOut + i + 1 });
      byTable.set(row.table, list);
    });
    this.handedOut += rows.length;
    return byTable;
  }

  /**
   * Ids the log had seen before this batch that were not harmless replays: an id seen before
   * is harmless only as a replay the merge found stale with the same digest (what reading the
   * log first would have answered).
   */
  harmful(relogged: readonly LogEntry[]): LogEntry[] {
    return relogged.filter(({ mutationId, digest }) => {
      const at = this.loggedAt.get(mutationId);
      return (
        at === undefined ||
        this.results[at].status !== 'stale' ||
        this.logged.get(mutationId) !== digest
      );
    });
  }

  private mergeOne(m: AcceptedMutation, index: number, toLog: LogEntry[]): MutationResult {
    const key = rowKey(m.table, m.data.id);
    const current = this.rows.get(key);
    let logEntry: LogEntry | null = null;
    if (m.hlc !== 'server') {
      const mutationId = m.mutationId.toLowerCase();
      const digest = mutationDigest(m);
      const previous = this.logged.get(mutationId);
      if (previous !== undefined && previous !== digest) {
        return rejected(
          m.mutationId,
          ErrorCodes.validation,
          `mutationId ${m.mutationId} was already used for a different mutation`,
          current,
        );
      }
      if (previous !== undefined)
        return current
          ? { mutationId: m.mutationId, status: 'stale', record: current }
          : { mutationId: m.mutationId, status: 'stale' };
      logEntry = { mutationId, digest };
    }
    if (m.requireLive && (!current || current.deletedAt !== null)) {
      return rejected(
        m.mutationId,
        ErrorCodes.notFound,
        `${m.table.modelName} ${m.data.id} does not exist`,
        current,
      );
    }
    const hlc = m.hlc === 'server' ? this.clock.stampAfter(current?.updatedAt) : m.hlc;
    const applied = applyMutation(
      current,
      { operation: m.operation, data: m.data, hlc },
      m.table.fieldNames,
      { updateMayCreate: m.complete },
    );
    if (applied.status === 'not_found') {
      return rejected(
        m.mutationId,
        ErrorCodes.notFound,
        `${m.table.modelName} ${m.data.id} does not exist; send a full record to create it`,
      );
    }
    // Only processed mutations are logged: a not_found may legitimately be sent again.
    if (logEntry) {
      this.logged.set(logEntry.mutationId, logEntry.digest);
      this.loggedAt.set(logEntry.mutationId, index);
      toLog.push(logEntry);
    }
    if (applied.status === 'stale')
      return { mutationId: m.mutationId, status: 'stale', record: applied.record };
    const record = applied.record;
    record.tenantId = this.tenantId;
    record.createdAt ??= this.nowIso ??= new Date().toISOString();
    this.inserted[index] = current === undefined;
    this.rows.set(key, record);
    this.changed.delete(key);
    this.changed.set(key, { table: m.table, record });
    return { mutationId: m.mutationId, status: 'applied', record };
  }
}

function rejected(
  mutationId: string,
  code: ErrorCode,
  message: string,
  record?: AnyRecord,
): MutationResult {
  const result: MutationResult = { mutationId, status: 'rejected', error: { code, message } };
  if (record) result.record = record;
  return result;
}
