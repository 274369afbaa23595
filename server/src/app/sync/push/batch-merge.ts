import { issuesMessage, judgeRowWrite } from '@finwise/domain';
import {
  applyMutation,
  ErrorCodes,
  type AnyRecord,
  type ErrorCode,
  type Hlc,
  type MutationResult,
} from '@finwise/sync-protocol';
import type { LogEntry } from '../feed/mutation-log';
import { recordedMutation, type RecordedMutation } from '../history/recorded-mutation';
import type { SyncedTable } from '../tables/synced-table';
import type { AcceptedMutation, CheckedMutation } from './mutation-check';
import { mutationDigest } from './mutation-digest';

/** Stored rows by `rowKey`: a row's identity across the tables of one household. */
export type StoredRows = ReadonlyMap<string, AnyRecord>;

export const rowKey = (table: Pick<SyncedTable, 'modelName'>, id: string): string =>
  `${table.modelName}\u0000${id}`;

export interface ChangedRow {
  table: SyncedTable;
  record: AnyRecord;
}

export interface BatchMergeInput {
  tenantId: string;
  mutations: readonly CheckedMutation[];
  /**
   * The stored rows the mutations aim at, and those their entities' reference rules read (a
   * split line's parent), read under the household's lock.
   */
  stored: StoredRows;
  /** What the mutation log holds for the batch's mutation ids: lowercase id → digest. */
  logged: ReadonlyMap<string, string>;
  /** A server HLC greater than `floor` (a row's `updatedAt`), for REST writes. */
  stampAfter(floor: Hlc | null | undefined): Hlc;
  /** `createdAt` of rows the batch inserts. */
  nowIso: string;
  /** Whether the change history records the batch (FINWISE_HISTORY). */
  recordHistory: boolean;
}

export interface MergedBatch {
  /** One result per mutation, in mutation order. */
  results: MutationResult[];
  /** Per mutation: whether it inserted a row that did not exist (REST 201 vs 200). */
  inserted: boolean[];
  /** The rows to write, in feed order: a row changed twice moves to its last change. */
  changed: ChangedRow[];
  /** Mutation ids processed for the first time. */
  logEntries: LogEntry[];
  /** What the history records: every mutation merged for the first time, applied or stale. */
  history: RecordedMutation[];
  /** The newest client HLC among the accepted mutations (the server clock observes it). */
  newestHlc: Hlc | null;
}

/**
 * The merge rule of a push: each mutation in order, per-field last-writer-wins against the row
 * as the batch has left it so far (DESIGN §6). Pure: no I/O; the service reads the stored rows
 * and the log before, and writes what this returns after.
 */
export function mergeBatch(input: BatchMergeInput): MergedBatch {
  const rows = new Map(input.stored);
  const logged = new Map(input.logged);
  const changed = new Map<string, ChangedRow>();
  const merged: MergedBatch = {
    results: [],
    inserted: [],
    changed: [],
    logEntries: [],
    history: [],
    newestHlc: null,
  };

  const mergeOne = (m: AcceptedMutation, index: number): MutationResult => {
    const key = rowKey(m.table, m.data.id);
    const current = rows.get(key);
    let logEntry: LogEntry | null = null;
    if (m.hlc !== 'server') {
      if (m.hlc > (merged.newestHlc ?? '')) merged.newestHlc = m.hlc;
      logEntry = { mutationId: m.mutationId.toLowerCase(), digest: mutationDigest(m) };
      const previous = logged.get(logEntry.mutationId);
      // Processed before: the exactly-once answer is the row as it is now.
      if (previous === logEntry.digest) return stale(m.mutationId, current);
      if (previous !== undefined) {
        const message = `mutationId ${m.mutationId} was already used for a different mutation`;
        return rejected(m.mutationId, ErrorCodes.validation, message, current);
      }
    }
    if (m.requireLive && (!current || current.deletedAt !== null)) {
      const message = `${m.table.modelName} ${m.data.id} does not exist`;
      return rejected(m.mutationId, ErrorCodes.notFound, message, current);
    }
    const hlc = m.hlc === 'server' ? input.stampAfter(current?.updatedAt) : m.hlc;
    const applied = applyMutation(
      current,
      { operation: m.operation, data: m.data, hlc },
      m.table.fieldNames,
      { updateMayCreate: m.complete },
    );
    if (applied.status === 'not_found') {
      const message = `${m.table.modelName} ${m.data.id} does not exist; send a full record to create it`;
      return rejected(m.mutationId, ErrorCodes.notFound, message);
    }
    // The entity's whole-row rules, on the row as it would be after this mutation.
    let status = applied.status;
    let unchanged = false;
    if (status === 'applied') {
      const refusal = refusalOf(m, current, applied.record);
      unchanged = refusal === 'unchanged';
      if (unchanged) status = 'stale';
      else if (refusal) return rejected(m.mutationId, ErrorCodes.validation, refusal, current);
    }
    // Only processed mutations are logged: a not_found may legitimately be sent again.
    if (logEntry) {
      logged.set(logEntry.mutationId, logEntry.digest);
      merged.logEntries.push(logEntry);
    }
    // Replays returned above. An insert-only row written again with its own values neither
    // applied nor lost anything, so there is nothing to tell about it.
    if (input.recordHistory && !unchanged) {
      const next = status === 'applied' ? applied.record : undefined;
      merged.history.push(recordedMutation(m, index, hlc, current, next));
    }
    if (status === 'stale') return stale(m.mutationId, current ?? applied.record);
    const record = applied.record;
    record.tenantId = input.tenantId;
    record.createdAt ??= input.nowIso;
    merged.inserted[index] = current === undefined;
    rows.set(key, record);
    changed.delete(key);
    changed.set(key, { table: m.table, record });
    return { mutationId: m.mutationId, status: 'applied', record };
  };

  /** Why `next` may not be written, 'unchanged' for an insert-only row written again, or null. */
  const refusalOf = (
    m: AcceptedMutation,
    current: AnyRecord | undefined,
    next: AnyRecord,
  ): string | 'unchanged' | null => {
    const definition = m.table.definition;
    const judged = judgeRowWrite(definition, current, next);
    if (judged.verdict === 'unchanged') return 'unchanged';
    if (judged.verdict === 'refuse') return issuesMessage(judged.issues);
    if (next.deletedAt !== null) return null;
    // Rules reading the row this one points to; a row not known here (yet) passes.
    const broken = definition.referenceRules.filter((rule) => {
      const id = next[rule.via];
      const referenced =
        typeof id === 'string' ? rows.get(rowKey({ modelName: rule.entity }, id)) : undefined;
      return (
        referenced !== undefined && referenced.deletedAt === null && !rule.holds(next, referenced)
      );
    });
    return broken.length > 0
      ? issuesMessage(broken.map((rule) => ({ path: `data.${rule.path}`, message: rule.message })))
      : null;
  };

  input.mutations.forEach((mutation, index) => {
    merged.inserted.push(false);
    if ('accepted' in mutation) {
      merged.results.push(mergeOne(mutation.accepted, index));
      return;
    }
    // A rejected mutation carries the row's current state so the client can roll back to it.
    const target = mutation.target;
    const current = target ? rows.get(rowKey(target.table, target.id)) : undefined;
    merged.results.push(current ? { ...mutation.rejected, record: current } : mutation.rejected);
  });
  merged.changed = [...changed.values()];
  return merged;
}

function stale(mutationId: string, record: AnyRecord | undefined): MutationResult {
  return record ? { mutationId, status: 'stale', record } : { mutationId, status: 'stale' };
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
