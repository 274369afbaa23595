import { Inject, Injectable } from '@nestjs/common';
import {
  encodeCursor,
  ErrorCodes,
  type MutationResult,
  type PushAck,
  type PushResponse,
} from '@finwise/sync-protocol';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DatabaseService } from '../../database/database.service';
import { sqlOf, type SqlRunner } from '../../database/sql-runner';
import { Broadcaster } from '../../realtime/broadcaster';
import { ChangeFeed } from '../feed/change-feed';
import { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import { mergeBatch, type MergedBatch } from './batch-merge';
import { BatchStore, type BatchReads } from './batch-store';
import type { AcceptedMutation, CheckedMutation } from './mutation-check';
import { checkedBatch, parsePushRequest, type PushBatch } from './push-request';
import { ServerClock } from './server-clock';

/** Who sent a batch: the change history records the writer, the broadcast skips the socket. */
export interface WriteOrigin {
  /** The member whose token wrote it (null only for writes no member asked for). */
  userId: string | null;
  /** The device, as its socket handshake named it. */
  clientId?: string | null;
  /** The socket that sent the batch: it gets the ack, everyone else the broadcast. */
  socketId?: string;
}

export interface BatchOutcome {
  ack: PushAck;
  /** Per mutation: whether it inserted a row that did not exist (REST 201 vs 200). */
  inserted: boolean[];
}

/** A validly signed token for a household that no longer exists. */
export class TenantNotFoundError extends Error {}

/** What a server-decided batch writes, and what its caller answers with. */
export interface DecidedBatch<T> {
  readonly mutations: readonly AcceptedMutation[];
  readonly result: T;
}

export interface DecidedOutcome<T> {
  readonly result: T;
  /** Absent when the decision wrote nothing. */
  readonly ack?: PushAck;
}

/** A server-decided batch whose merge did not apply every mutation: it was rolled back. */
export class DecidedBatchRefused extends Error {
  constructor(readonly refusal: MutationResult) {
    super(refusal.error?.message ?? `a write was ${refusal.status}`);
  }
}

interface WrittenBatch {
  fromSeq: number;
  merged: MergedBatch;
}

/**
 * Applies batches of mutations, one transaction per batch: parse → lock and read → check →
 * merge → write the rows, the log and the history and advance the feed → commit → broadcast. Socket pushes, HTTP pushes and REST
 * writes all pass through `apply`, so they share the same rules.
 */
@Injectable()
export class PushService {
  constructor(
    private readonly database: DatabaseService,
    private readonly registry: SyncedEntityRegistry,
    private readonly clock: ServerClock,
    private readonly feed: ChangeFeed,
    private readonly store: BatchStore,
    private readonly broadcaster: Broadcaster,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `sync:push` and `POST /api/sync/push`: a wire batch in, its ack out. */
  async push(tenantId: string, body: unknown, origin: WriteOrigin): Promise<PushResponse> {
    const batch = parsePushRequest(body, this.registry, this.clock.now());
    if ('error' in batch) return batch;
    try {
      return (await this.apply(tenantId, batch, origin)).ack;
    } catch (error) {
      if (!(error instanceof TenantNotFoundError)) throw error;
      return { error: { code: ErrorCodes.forbidden, message: 'unknown household' } };
    }
  }

  /** One batch in one transaction, then its broadcast to the household's other sockets. */
  async apply(tenantId: string, batch: PushBatch, origin: WriteOrigin): Promise<BatchOutcome> {
    if (batch.size === 0) return this.nothingToApply(tenantId);
    const written = await this.database.inTenantWrite(tenantId, async (sql) => {
      // The mutations are checked while PostgreSQL locks the household and reads the rows
      // they name: checking a full batch takes about as long as that round trip, and doing
      // both at once buys about 10 % of push throughput (bench/README.md).
      const reading = this.store.read(sql, tenantId, batch.targets, batch.loggedIds);
      reading.catch(() => undefined); // awaited right after the checks
      const mutations = batch.check();
      return this.mergeAndWrite(sql, tenantId, mutations, await reading, origin);
    });
    return this.announce(tenantId, written, origin);
  }

  /**
   * A batch the server decides from the household's rows (reconcile): `decide` runs under the
   * household's lock, so no other write can change what it read before its mutations are
   * merged in the same transaction. A decision that writes nothing, or a merge that does not
   * apply every mutation, rolls back and changes nothing.
   */
  async applyDecided<T>(
    tenantId: string,
    decide: (sql: SqlRunner) => Promise<DecidedBatch<T>>,
    origin: WriteOrigin,
  ): Promise<DecidedOutcome<T>> {
    let decided: DecidedBatch<T> | undefined;
    const written = await this.database.inTenantWrite(tenantId, async (sql) => {
      if (!(await this.feed.lock(sql, tenantId))) {
        throw new TenantNotFoundError(`household ${tenantId} does not exist`);
      }
      decided = await decide(sql);
      if (decided.mutations.length === 0) return undefined;
      const batch = checkedBatch(decided.mutations.map((accepted) => ({ accepted })));
      const reads = await this.store.read(sql, tenantId, batch.targets, batch.loggedIds);
      const result = await this.mergeAndWrite(sql, tenantId, batch.check(), reads, origin);
      const refused = result.merged.results.find((r) => r.status !== 'applied');
      if (refused) throw new DecidedBatchRefused(refused);
      return result;
    });
    // `decide` ran to completion, or the transaction would have thrown.
    const { result } = decided as DecidedBatch<T>;
    return { result, ack: written ? this.announce(tenantId, written, origin).ack : undefined };
  }

  private async mergeAndWrite(
    sql: SqlRunner,
    tenantId: string,
    mutations: readonly CheckedMutation[],
    { position, stored, logged }: BatchReads,
    origin: WriteOrigin,
  ): Promise<WrittenBatch> {
    if (!position) throw new TenantNotFoundError(`household ${tenantId} does not exist`);
    const known = await this.store.withReferencedRows(sql, tenantId, mutations, stored);
    const merged = mergeBatch({
      tenantId,
      mutations,
      stored: known,
      logged,
      stampAfter: (floor) => this.clock.stampAfter(floor),
      nowIso: new Date().toISOString(),
      recordHistory: this.config.recordHistory,
    });
    await this.store.write(sql, tenantId, position.seq, merged, {
      userId: origin.userId,
      clientId: origin.clientId ?? null,
    });
    return { fromSeq: position.seq, merged };
  }

  /** After commit: the clock learns the batch's stamps and the household's other sockets hear of it. */
  private announce(
    tenantId: string,
    { fromSeq, merged }: WrittenBatch,
    origin: WriteOrigin,
  ): BatchOutcome {
    if (merged.newestHlc) this.clock.observe(merged.newestHlc);
    const fromCursor = encodeCursor(fromSeq);
    const cursor = encodeCursor(fromSeq + merged.changed.length);
    if (merged.changed.length > 0) {
      const changes = merged.changed.map(({ table, record }) => ({
        modelName: table.modelName,
        record,
      }));
      this.broadcaster.changes(tenantId, { changes, fromCursor, cursor }, origin.socketId);
    }
    return {
      ack: { results: merged.results, fromCursor, cursor, serverTime: this.clock.nowIso() },
      inserted: merged.inserted,
    };
  }

  /** An empty batch changes nothing: it is answered with the feed's position, without the lock. */
  private async nothingToApply(tenantId: string): Promise<BatchOutcome> {
    const position = await this.database.inTenantTransaction(tenantId, (manager) =>
      this.feed.read(sqlOf(manager), tenantId),
    );
    if (!position) throw new TenantNotFoundError(`household ${tenantId} does not exist`);
    const cursor = encodeCursor(position.seq);
    return {
      ack: { results: [], fromCursor: cursor, cursor, serverTime: this.clock.nowIso() },
      inserted: [],
    };
  }
}
