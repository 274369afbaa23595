import { Injectable, Logger } from '@nestjs/common';
import {
  applyMutation,
  encodeCursor,
  ErrorCodes,
  SyncLimits,
  type AnyRecord,
  type Change,
  type ChangesBroadcast,
  type ErrorCode,
  type MutationResult,
  type PushAck,
  type PushResponse,
} from '@finwise/sync-protocol';
import { DatabaseService } from '../database/database.service';
import { Broadcaster } from './broadcaster';
import { ChangeFeed, type FeedPosition } from './change-feed';
import { nestsDeeperThan } from './json-depth';
import { checkMutation, isPlainObject, mutationTarget, type AcceptedMutation, type CheckedMutation, type RowTarget } from './mutation-envelope';
import { MutationLog, mutationDigest, type LogEntry } from './mutation-log';
import { withJsonText } from '../realtime/json-text';
import { ServerClock } from './server-clock';
import { SyncedEntityRegistry } from './synced-entity-registry';
import type { StoredRow, SyncedTable } from './synced-table';

export interface WriteOrigin {
  /** The socket that sent the batch: it gets the ack, everyone else the broadcast. */
  socketId?: string;
}

export interface BatchOutcome {
  ack: PushAck;
  /** Per mutation: whether it inserted a row that did not exist (REST 201 vs 200). */
  inserted: boolean[];
}

interface PendingRow {
  table: SyncedTable;
  record: AnyRecord;
}

export class TenantNotFoundError extends Error {}

/**
 * A batch is {mutations: [{…, data: {…}}]}: four levels, and entity fields are scalars. The
 * bound leaves room for future shapes while keeping every later recursive step (size check,
 * validation, digest) far from the stack limit.
 */
export const MAX_BATCH_DEPTH = 32;

/**
 * Applies batches of mutations: validation, per-field LWW merge against the stored rows,
 * multi-row upserts per table (a large batch in parts, see mergeBatch) and one change-feed
 * advance, all in one transaction per batch; then broadcasts the committed rows. Socket pushes, HTTP pushes and REST writes all pass
 * through `applyBatch`, so they share the same rules.
 */
@Injectable()
export class MergeService {
  private readonly logger = new Logger('MergeService');

  constructor(
    private readonly database: DatabaseService,
    private readonly registry: SyncedEntityRegistry,
    private readonly clock: ServerClock,
    private readonly broadcaster: Broadcaster,
  ) {}

  /** Entry point for `sync:push` and `POST /api/sync/push`. */
  async push(tenantId: string, body: unknown, origin: WriteOrigin = {}): Promise<PushResponse> {
    if (!isPlainObject(body) || !Array.isArray(body['mutations'])) {
      return { error: { code: ErrorCodes.validation, message: 'push expects { mutations: [...] }' } };
    }
    const mutations = body['mutations'] as unknown[];
    if (mutations.length > SyncLimits.maxBatchMutations) {
      return {
        error: {
          code: ErrorCodes.batchTooLarge,
          message: `a batch holds at most ${SyncLimits.maxBatchMutations} mutations (got ${mutations.length})`,
        },
      };
    }
    if (nestsDeeperThan(mutations, MAX_BATCH_DEPTH - 1)) {
      return { error: { code: ErrorCodes.validation, message: `a batch may nest JSON at most ${MAX_BATCH_DEPTH} levels deep` } };
    }
    const bytes = jsonBytes({ mutations });
    if (bytes > SyncLimits.maxBatchBytes) {
      return {
        error: {
          code: ErrorCodes.batchTooLarge,
          message: `a batch holds at most ${SyncLimits.maxBatchBytes} bytes of JSON (got ${bytes})`,
        },
      };
    }
    const now = this.clock.now();
    const batch: PendingBatch = {
      targets: mutations.flatMap((raw) => mutationTarget(raw, this.registry) ?? []),
      size: mutations.length,
      check: (from, to) => mutations.slice(from, to).map((raw) => checkMutation(raw, this.registry, now)),
    };
    try {
      return (await this.applyBatch(tenantId, batch, origin)).ack;
    } catch (error) {
      // A validly signed token for a household that no longer exists.
      if (error instanceof TenantNotFoundError) return { error: { code: ErrorCodes.forbidden, message: 'unknown household' } };
      throw error;
    }
  }

  /**
   * Applies a batch in one transaction, merged without reading the mutation log first: a
   * replayed mutation carries the HLC its fields already hold, so the merge itself finds it
   * `stale`. The log's insert reports every id it had seen before; if one of them was not
   * such a harmless replay (an id reused for other content), the transaction is rolled back
   * and the batch applied again with the log read up front. Only a misbehaving client pays.
   */
  async applyBatch(tenantId: string, input: readonly CheckedMutation[] | PendingBatch, origin: WriteOrigin = {}): Promise<BatchOutcome> {
    const batch = isPendingBatch(input) ? input : checkedBatch(input);
    // A socket's ack is a packet: its JSON can be written while the batch's statement runs.
    const encodeAck = origin.socketId !== undefined;
    let merged: MergedBatch;
    try {
      merged = await this.mergeBatch(tenantId, batch, { readLogFirst: false, encodeAck });
    } catch (error) {
      if (!(error instanceof ReusedMutationIds)) throw error;
      merged = await this.mergeBatch(tenantId, batch, { readLogFirst: true, encodeAck });
    }

    // Observing a batch's HLCs one by one ends where observing the greatest does (observe
    // keeps the maximum, and HLC strings sort in clock order): one parse instead of one per row.
    let newest: string | null = null;
    for (const m of merged.accepted) if (m.hlc !== 'server' && (newest === null || m.hlc > newest)) newest = m.hlc;
    if (newest !== null) this.clock.observe(newest);
    if (merged.broadcast) this.broadcaster.changes(tenantId, merged.broadcast, origin.socketId);
    return { ack: merged.ack, inserted: merged.inserted };
  }

  private async mergeBatch(tenantId: string, batch: PendingBatch, options: { readLogFirst: boolean; encodeAck: boolean }): Promise<MergedBatch> {
    const key = (table: SyncedTable, id: string) => `${table.modelName}\u0000${id}`;

    // The household's lock and the probes of every row the batch names go out with BEGIN in
    // one message; the batch is validated meanwhile, in slices, so the driver gets a turn to
    // read the answers and send each next statement while PostgreSQL works through them.
    const state = new Map<string, AnyRecord | undefined>();
    const probed = new Set<string>();
    const unprobed = (targets: readonly RowTarget[]) => {
      const idsByTable = new Map<SyncedTable, string[]>();
      for (const target of targets) {
        const k = key(target.table, target.id);
        if (probed.has(k)) continue;
        probed.add(k);
        const ids = idsByTable.get(target.table) ?? [];
        ids.push(target.id);
        idsByTable.set(target.table, ids);
      }
      return [...idsByTable];
    };
    const opening = unprobed(batch.targets);
    const statements = [ChangeFeed.lockStatement(tenantId), ...opening.map(([table, ids]) => table.findByIdsStatement(tenantId, ids))];

    return this.database.inTenantWrite(tenantId, statements, async (manager, opened) => {
      const probe = async (targets: readonly RowTarget[]) => {
        for (const [table, ids] of unprobed(targets)) {
          for (const [id, record] of await table.findByIds(manager, tenantId, ids)) state.set(key(table, id), record);
        }
      };
      const queued = opened.then(([locked, ...found]) => {
        opening.forEach(([table], i) => {
          for (const [id, record] of table.recordsById(found[i])) state.set(key(table, id), record);
        });
        return ChangeFeed.lockedPosition(locked);
      });
      queued.catch(() => undefined); // awaited below; a validation error must not leave it unobserved

      // When no row is aimed at twice, every changed row's feed position is final as soon as it
      // is merged: the batch is then written in parts, each sent while the next is validated
      // and merged, and PostgreSQL works while JavaScript does. Otherwise (a row changed twice
      // moves to the end of the feed) and when the log is read first, in one part.
      const inParts = !options.readLogFirst && new Set(batch.targets.map((t) => key(t.table, t.id))).size === batch.targets.length;
      const partSize = inParts ? WRITE_PART : batch.size;

      const accepted: AcceptedMutation[] = [];
      const results: MutationResult[] = [];
      const inserted: boolean[] = [];
      // Processed mutation ids (lowercase, as PostgreSQL prints them) → digest: from the log
      // when it is read first, else only this batch's own.
      const logged = new Map<string, string>();
      const loggedAt = new Map<string, number>();
      // Insertion order is the order of each row's last change in the batch: its feed order.
      const changed = new Map<string, PendingRow>();
      const sent: Promise<{ seq: number | null; relogged: LogEntry[] }>[] = [];
      let position: FeedPosition | null = null;
      let written = 0;
      const nowIso = new Date().toISOString();

      for (let partFrom = 0; partFrom < batch.size; partFrom += partSize) {
        const partTo = Math.min(partFrom + partSize, batch.size);
        const checked: CheckedMutation[] = [];
        for (let from = partFrom; from < partTo; from += VALIDATION_SLICE) {
          if (from > 0) await new Promise((resolve) => setImmediate(resolve));
          checked.push(...batch.check(from, Math.min(from + VALIDATION_SLICE, partTo)));
        }
        if (!position) {
          position = await queued;
          if (!position) throw new TenantNotFoundError(`tenant ${tenantId} does not exist`);
        }
        await probe(targetsOf(checked));

        const toLog: LogEntry[] = [];
        const partAccepted = checked.flatMap((c) => ('accepted' in c ? [c.accepted] : []));
        accepted.push(...partAccepted);
        if (options.readLogFirst && partAccepted.length > 0) {
          const ids = partAccepted.filter((m) => m.hlc !== 'server').map((m) => m.mutationId.toLowerCase());
          for (const [id, digest] of await MutationLog.digestsOf(manager, tenantId, ids)) logged.set(id, digest);
        }
        let index = partFrom - 1;
        for (const c of checked) {
          index += 1;
          inserted.push(false);
          if (!('accepted' in c)) {
            // A rejected mutation carries the row's current state so the client can roll back to it.
            const current = c.target ? state.get(key(c.target.table, c.target.id)) : undefined;
            results.push(current ? { ...c.rejected, record: current } : c.rejected);
            continue;
          }
          const m = c.accepted;
          results.push({ mutationId: m.mutationId, status: 'stale' });
          const rowKey = key(m.table, m.data.id);
          const current = state.get(rowKey);
          let logEntry: LogEntry | null = null;
          if (m.hlc !== 'server') {
            const mutationId = m.mutationId.toLowerCase();
            const digest = mutationDigest(m);
            const previous = logged.get(mutationId);
            if (previous !== undefined && previous !== digest) {
              results[index] = rejected(m.mutationId, ErrorCodes.validation, `mutationId ${m.mutationId} was already used for a different mutation`, current);
              continue;
            }
            if (previous !== undefined) {
              results[index] = current ? { mutationId: m.mutationId, status: 'stale', record: current } : { mutationId: m.mutationId, status: 'stale' };
              continue;
            }
            logEntry = { mutationId, digest };
          }
          // Only processed mutations are logged: a not_found may legitimately be sent again.
          const log = () => {
            if (!logEntry) return;
            logged.set(logEntry.mutationId, logEntry.digest);
            loggedAt.set(logEntry.mutationId, index);
            toLog.push(logEntry);
          };
          if (m.requireLive && (!current || current.deletedAt !== null)) {
            results[index] = rejected(m.mutationId, ErrorCodes.notFound, `${m.table.modelName} ${m.data.id} does not exist`, current);
            continue;
          }
          const hlc = m.hlc === 'server' ? this.clock.stampAfter(current?.updatedAt) : m.hlc;
          const applied = applyMutation(current, { operation: m.operation, data: m.data, hlc }, m.table.fieldNames, {
            updateMayCreate: m.complete,
          });
          if (applied.status === 'not_found') {
            results[index] = rejected(m.mutationId, ErrorCodes.notFound, `${m.table.modelName} ${m.data.id} does not exist; send a full record to create it`);
            continue;
          }
          log();
          if (applied.status === 'stale') {
            results[index] = { mutationId: m.mutationId, status: 'stale', record: applied.record };
            continue;
          }
          const record = applied.record;
          record.tenantId = tenantId;
          record.createdAt ??= nowIso;
          inserted[index] = current === undefined;
          state.set(rowKey, record);
          changed.delete(rowKey);
          changed.set(rowKey, { table: m.table, record });
          results[index] = { mutationId: m.mutationId, status: 'applied', record };
        }

        // This part's log entries and rows, and with the last part the counter, in one
        // statement (see ChangeFeed.writeAndAdvance), sent before it returns.
        const last = partTo === batch.size;
        const rows = [...changed.values()].slice(written);
        const byTable = new Map<SyncedTable, StoredRow[]>();
        const before = position.seq + written;
        rows.forEach((row, i) => {
          const list = byTable.get(row.table) ?? [];
          list.push({ record: row.record, serverSeq: before + i + 1 });
          byTable.set(row.table, list);
        });
        if (inParts) written += rows.length;
        if (rows.length > 0 || toLog.length > 0 || (last && changed.size > 0)) {
          const part = ChangeFeed.writeAndAdvance(manager, tenantId, last ? changed.size : 0, {
            log: MutationLog.recordStatement(tenantId, toLog),
            writes: [...byTable].map(([table, list]) => table.upsertStatement(tenantId, list)),
          });
          part.catch(() => undefined); // awaited below, after the encoding
          sent.push(part);
        }
      }
      if (!position) position = await queued; // an empty batch
      if (!position) throw new TenantNotFoundError(`tenant ${tenantId} does not exist`);

      // While PostgreSQL writes: the ack and the broadcast, as the sockets will send them (the
      // household's row is locked, so the position the feed reaches is known now).
      const toSeq = position.seq + changed.size;
      const ack: PushAck = { results, fromCursor: encodeCursor(position.seq), cursor: encodeCursor(toSeq) };
      let broadcast: ChangesBroadcast | null = null;
      if (changed.size > 0) {
        const changes: Change[] = [...changed.values()].map((row) => ({ modelName: row.table.modelName, record: row.record }));
        broadcast = withJsonText({ changes, fromCursor: ack.fromCursor, cursor: ack.cursor });
      }
      if (options.encodeAck) withJsonText(ack);
      const parts = await Promise.all(sent);
      const reached = parts.at(-1)?.seq ?? null;
      if (changed.size > 0 && reached !== toSeq) throw new Error(`feed of tenant ${tenantId} moved while locked: ${reached} ≠ ${toSeq}`);
      // An id seen before is harmless only as a replay the merge found stale (what reading the
      // log first would have answered); anything else needs the log read first. Rolls back.
      const harmful = parts.flatMap((part) => part.relogged).filter(({ mutationId, digest }) => {
        const at = loggedAt.get(mutationId);
        return at === undefined || results[at].status !== 'stale' || logged.get(mutationId) !== digest;
      });
      if (harmful.length > 0) {
        if (options.readLogFirst) throw new Error(`mutation ids logged concurrently: ${harmful.map((h) => h.mutationId).join(', ')}`);
        throw new ReusedMutationIds();
      }
      return { accepted, inserted, ack, broadcast };
    });
  }
}

/** Mutations whose validation runs inside the transaction, while their rows are probed. */
export interface PendingBatch {
  /** The rows the mutations aim at, as far as recognisable before validation. */
  targets: readonly RowTarget[];
  size: number;
  /** Validates mutations `from` (inclusive) to `to` (exclusive). */
  check(from: number, to: number): readonly CheckedMutation[];
}

/** Mutations validated between two turns of the event loop (~1 ms of work). */
const VALIDATION_SLICE = 64;

/** Mutations per statement when a batch is written in parts. */
const WRITE_PART = 128;

interface MergedBatch {
  accepted: AcceptedMutation[];
  inserted: boolean[];
  ack: PushAck;
  /** The committed rows for the household's other sockets; null when nothing changed. */
  broadcast: ChangesBroadcast | null;
}

/** The optimistic merge met a mutation id it must not treat as a replay. */
class ReusedMutationIds extends Error {}

function isPendingBatch(input: readonly CheckedMutation[] | PendingBatch): input is PendingBatch {
  return !Array.isArray(input);
}

/** The rows checked mutations aim at (accepted ones always, rejected ones when identifiable). */
function targetsOf(checked: readonly CheckedMutation[]): RowTarget[] {
  return checked.flatMap((c) => ('accepted' in c ? [{ table: c.accepted.table, id: c.accepted.data.id }] : c.target ? [c.target] : []));
}

function checkedBatch(checked: readonly CheckedMutation[]): PendingBatch {
  return {
    targets: targetsOf(checked),
    size: checked.length,
    check: (from, to) => checked.slice(from, to),
  };
}

/**
 * UTF-8 bytes of the JSON, exactly as `pushBatchBytes` counts them, without allocating the
 * encoded copy (a quarter of a megabyte per full batch). JSON.stringify escapes lone
 * surrogates, so the string is well-formed UTF-16 and both counts agree.
 */
function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function rejected(mutationId: string, code: ErrorCode, message: string, record?: AnyRecord): MutationResult {
  const result: MutationResult = { mutationId, status: 'rejected', error: { code, message } };
  if (record) result.record = record;
  return result;
}
