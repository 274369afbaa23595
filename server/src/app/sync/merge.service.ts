import { Injectable, Logger } from '@nestjs/common';
import {
  encodeCursor,
  ErrorCodes,
  SyncLimits,
  type Change,
  type ChangesBroadcast,
  type ErrorAck,
  type PushAck,
  type PushResponse,
} from '@finwise/sync-protocol';
import { DatabaseService } from '../database/database.service';
import { Broadcaster } from './broadcaster';
import { ChangeFeed, type FeedPosition } from './change-feed';
import { nestsDeeperThan } from './json-depth';
import {
  checkMutation,
  isPlainObject,
  mutationTarget,
  type AcceptedMutation,
  type CheckedMutation,
  type RowTarget,
} from './mutation-envelope';
import { MutationLog, type LogEntry } from './mutation-log';
import { aimsAtDistinctRows, BatchMerge } from './batch-merge';
import { withJsonText } from '../realtime/json-text';
import { ServerClock } from './server-clock';
import { SyncedEntityRegistry } from './synced-entity-registry';

export interface WriteOrigin {
  /** The socket that sent the batch: it gets the ack, everyone else the broadcast. */
  socketId?: string;
}

export interface BatchOutcome {
  ack: PushAck;
  /** Per mutation: whether it inserted a row that did not exist (REST 201 vs 200). */
  inserted: boolean[];
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
      return {
        error: { code: ErrorCodes.validation, message: 'push expects { mutations: [...] }' },
      };
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
    const now = this.clock.now();
    const batch: PendingBatch = {
      targets: mutations.map((raw) => mutationTarget(raw, this.registry)),
      size: mutations.length,
      refusal: () => batchRefusal(mutations),
      check: (from, to) =>
        mutations.slice(from, to).map((raw) => checkMutation(raw, this.registry, now)),
    };
    try {
      return (await this.applyBatch(tenantId, batch, origin)).ack;
    } catch (error) {
      if (error instanceof BatchRefused) return { error: error.refusal };
      // A validly signed token for a household that no longer exists.
      if (error instanceof TenantNotFoundError)
        return { error: { code: ErrorCodes.forbidden, message: 'unknown household' } };
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
  async applyBatch(
    tenantId: string,
    input: readonly CheckedMutation[] | PendingBatch,
    origin: WriteOrigin = {},
  ): Promise<BatchOutcome> {
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
    for (const m of merged.accepted)
      if (m.hlc !== 'server' && (newest === null || m.hlc > newest)) newest = m.hlc;
    if (newest !== null) this.clock.observe(newest);
    if (merged.broadcast) this.broadcaster.changes(tenantId, merged.broadcast, origin.socketId);
    return { ack: merged.ack, inserted: merged.inserted };
  }

  private async mergeBatch(
    tenantId: string,
    batch: PendingBatch,
    options: { readLogFirst: boolean; encodeAck: boolean },
  ): Promise<MergedBatch> {
    const merge = new BatchMerge(tenantId, this.clock);
    // When no row is aimed at twice, every changed row's feed position is final as soon as it
    // is merged: the batch is then written in parts, each sent while the next is validated
    // and merged, and PostgreSQL works while JavaScript does. Otherwise (a row changed twice
    // moves to the end of the feed) and when the log is read first, in one part.
    const allTargets = present(batch.targets);
    const inParts = !options.readLogFirst && aimsAtDistinctRows(allTargets);
    const partSize = inParts ? WRITE_PART : Math.max(batch.size, 1);
    const partCount = Math.ceil(batch.size / partSize);
    const partRange = (part: number) => ({
      from: part * partSize,
      to: Math.min((part + 1) * partSize, batch.size),
    });
    const targetsOfPart = (part: number) => {
      const { from, to } = partRange(part);
      return present(batch.targets.slice(from, to));
    };

    // The household's lock and the probes of the first part's rows go out with BEGIN in one
    // message; the batch is checked and validated meanwhile, in slices, so the driver gets a
    // turn to read the answers and send each next statement while PostgreSQL works.
    const opening = merge.unprobed(targetsOfPart(0));
    const statements = [
      ChangeFeed.lockStatement(tenantId),
      ...opening.map(([table, ids]) => table.findByIdsStatement(tenantId, ids)),
    ];

    return this.database.inTenantWrite(tenantId, statements, async (manager, opened) => {
      const queued = opened.then(([locked, ...found]) => {
        opening.forEach(([table], i) => merge.remember(table, table.recordsById(found[i])));
        return ChangeFeed.positionOf(locked);
      });
      queued.catch(() => undefined); // awaited below; a refused batch must not leave it unobserved

      // The later parts' rows are probed a part ahead: the second part's right behind the
      // opening, each further part's right behind the write two parts before it. So the first
      // write does not wait for the probes of the whole batch, and a part's probe is answered
      // while the write ahead of it still runs. The rows of different parts are distinct and
      // the household is locked, so a probe sent later finds what one sent up front would have.
      const probes = new Map<number, Promise<void>>();
      const probeAhead = (part: number) => {
        if (part >= partCount || probes.has(part)) return;
        const pending = Promise.all(
          merge
            .unprobed(targetsOfPart(part))
            .map(async ([table, ids]) =>
              merge.remember(table, await table.findByIds(manager, tenantId, ids)),
            ),
        ).then(() => undefined);
        pending.catch(() => undefined); // awaited with its part
        probes.set(part, pending);
      };
      probeAhead(1);

      // Checked here rather than before the transaction: the opening is on its way meanwhile.
      const refusal = batch.refusal?.() ?? null;
      if (refusal) throw new BatchRefused(refusal);

      const sent: Promise<{ seq: number | null; relogged: LogEntry[] }>[] = [];
      let position: FeedPosition | null = null;

      for (let part = 0; part < partCount; part++) {
        const { from: partFrom, to: partTo } = partRange(part);
        const checked: CheckedMutation[] = [];
        for (let from = partFrom; from < partTo; from += VALIDATION_SLICE) {
          if (from > 0) await new Promise((resolve) => setImmediate(resolve));
          checked.push(...batch.check(from, Math.min(from + VALIDATION_SLICE, partTo)));
        }
        position ??= await queued;
        if (!position) throw new TenantNotFoundError(`tenant ${tenantId} does not exist`);
        await probes.get(part);
        for (const [table, ids] of merge.unprobed(targetsOf(checked)))
          merge.remember(table, await table.findByIds(manager, tenantId, ids));
        if (options.readLogFirst) {
          const ids = checked.flatMap((c) =>
            'accepted' in c && c.accepted.hlc !== 'server'
              ? [c.accepted.mutationId.toLowerCase()]
              : [],
          );
          merge.rememberLogged(await MutationLog.digestsOf(manager, tenantId, ids));
        }
        const toLog = merge.merge(checked);

        // This part's log entries and rows, and with the last part the counter, in one
        // statement (see ChangeFeed.writeAndAdvance), sent before it returns.
        const last = partTo === batch.size;
        const byTable = merge.takeUnwritten(position.seq);
        if (byTable.size > 0 || toLog.length > 0 || (last && merge.changedCount > 0)) {
          const written = ChangeFeed.writeAndAdvance(
            manager,
            tenantId,
            last ? merge.changedCount : 0,
            {
              log: MutationLog.recordStatement(tenantId, toLog),
              writes: [...byTable].map(([table, list]) => table.upsertStatement(tenantId, list)),
            },
          );
          written.catch(() => undefined); // awaited below, after the encoding
          sent.push(written);
        }
        probeAhead(part + 2);
      }
      position ??= await queued; // an empty batch
      if (!position) throw new TenantNotFoundError(`tenant ${tenantId} does not exist`);

      // While PostgreSQL writes: the ack and the broadcast, as the sockets will send them (the
      // household's row is locked, so the position the feed reaches is known now).
      const toSeq = position.seq + merge.changedCount;
      const ack: PushAck = {
        results: merge.results,
        fromCursor: encodeCursor(position.seq),
        cursor: encodeCursor(toSeq),
      };
      let broadcast: ChangesBroadcast | null = null;
      if (merge.changedCount > 0) {
        const changes: Change[] = merge.changedRows.map((row) => ({
          modelName: row.table.modelName,
          record: row.record,
        }));
        broadcast = withJsonText({ changes, fromCursor: ack.fromCursor, cursor: ack.cursor });
      }
      if (options.encodeAck) withJsonText(ack);
      const parts = await Promise.all(sent);
      const reached = parts.at(-1)?.seq ?? null;
      if (merge.changedCount > 0 && reached !== toSeq)
        throw new Error(`feed of tenant ${tenantId} moved while locked: ${reached} ≠ ${toSeq}`);
      // A mutation id logged before that was not a harmless replay needs the log read first: rolls back.
      const harmful = merge.harmful(parts.flatMap((written) => written.relogged));
      if (harmful.length > 0) {
        if (options.readLogFirst)
          throw new Error(
            `mutation ids logged concurrently: ${harmful.map((h) => h.mutationId).join(', ')}`,
          );
        throw new ReusedMutationIds();
      }
      return { accepted: merge.accepted, inserted: merge.inserted, ack, broadcast };
    });
  }
}

/** Mutations whose validation runs inside the transaction, while their rows are probed. */
export interface PendingBatch {
  /** Per mutation, the row it aims at, as far as recognisable before validation. */
  targets: readonly (RowTarget | undefined)[];
  size: number;
  /**
   * Why the batch is refused whole, checked once its transaction's opening is on its way;
   * null when it is not. A refused batch changes nothing (its transaction rolls back).
   */
  refusal?(): ErrorAck['error'] | null;
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

/** A batch refused whole (see PendingBatch.refusal). */
class BatchRefused extends Error {
  constructor(readonly refusal: ErrorAck['error']) {
    super(refusal.message);
  }
}

/**
 * The whole-batch limits beyond the mutation count: nesting depth (first, because the byte
 * count recurses) and bytes of JSON.
 */
function batchRefusal(mutations: readonly unknown[]): ErrorAck['error'] | null {
  if (nestsDeeperThan(mutations, MAX_BATCH_DEPTH - 1)) {
    return {
      code: ErrorCodes.validation,
      message: `a batch may nest JSON at most ${MAX_BATCH_DEPTH} levels deep`,
    };
  }
  const bytes = jsonBytes({ mutations });
  if (bytes > SyncLimits.maxBatchBytes) {
    return {
      code: ErrorCodes.batchTooLarge,
      message: `a batch holds at most ${SyncLimits.maxBatchBytes} bytes of JSON (got ${bytes})`,
    };
  }
  return null;
}

function isPendingBatch(input: readonly CheckedMutation[] | PendingBatch): input is PendingBatch {
  return !Array.isArray(input);
}

/** The row a checked mutation aims at (accepted ones always, rejected ones when identifiable). */
function targetOf(c: CheckedMutation): RowTarget | undefined {
  return 'accepted' in c ? { table: c.accepted.table, id: c.accepted.data.id } : c.target;
}

function targetsOf(checked: readonly CheckedMutation[]): RowTarget[] {
  return present(checked.map(targetOf));
}

function present(targets: readonly (RowTarget | undefined)[]): RowTarget[] {
  return targets.filter((t): t is RowTarget => t !== undefined);
}

function checkedBatch(checked: readonly CheckedMutation[]): PendingBatch {
  return {
    targets: checked.map(targetOf),
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
