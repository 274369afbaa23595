import { Injectable } from '@nestjs/common';
import { encodeCursor, ErrorCodes, type PushAck, type PushResponse } from '@finwise/sync-protocol';
import { DatabaseService } from '../../database/database.service';
import { sqlOf } from '../../database/sql-runner';
import { Broadcaster } from '../../realtime/broadcaster';
import { ChangeFeed } from '../feed/change-feed';
import { SyncedEntityRegistry } from '../tables/synced-entity-registry';
import { mergeBatch } from './batch-merge';
import { BatchStore } from './batch-store';
import { parsePushRequest, type PushBatch } from './push-request';
import { ServerClock } from './server-clock';

export interface WriteOrigin {
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

/**
 * Applies batches of mutations, one transaction per batch: parse → lock and read → check →
 * merge → write and advance the feed → commit → broadcast. Socket pushes, HTTP pushes and REST
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
  ) {}

  /** `sync:push` and `POST /api/sync/push`: a wire batch in, its ack out. */
  async push(tenantId: string, body: unknown, origin: WriteOrigin = {}): Promise<PushResponse> {
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
  async apply(tenantId: string, batch: PushBatch, origin: WriteOrigin = {}): Promise<BatchOutcome> {
    if (batch.size === 0) return this.nothingToApply(tenantId);
    const { fromSeq, merged } = await this.database.inTenantWrite(tenantId, async (sql) => {
      // The mutations are checked while PostgreSQL locks the household and reads the rows
      // they name: checking a full batch takes about as long as that round trip, and doing
      // both at once buys about 10 % of push throughput (bench/README.md).
      const reading = this.store.read(sql, tenantId, batch.targets, batch.loggedIds);
      reading.catch(() => undefined); // awaited right after the checks
      const mutations = batch.check();
      const { position, stored, logged } = await reading;
      if (!position) throw new TenantNotFoundError(`household ${tenantId} does not exist`);
      const known = await this.store.withReferencedRows(sql, tenantId, mutations, stored);
      const merged = mergeBatch({
        tenantId,
        mutations,
        stored: known,
        logged,
        stampAfter: (floor) => this.clock.stampAfter(floor),
        nowIso: new Date().toISOString(),
      });
      await this.store.write(sql, tenantId, position.seq, merged);
      return { fromSeq: position.seq, merged };
    });

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
    return { ack: { results: merged.results, fromCursor, cursor }, inserted: merged.inserted };
  }

  /** An empty batch changes nothing: it is answered with the feed's position, without the lock. */
  private async nothingToApply(tenantId: string): Promise<BatchOutcome> {
    const position = await this.database.inTenantTransaction(tenantId, (manager) =>
      this.feed.read(sqlOf(manager), tenantId),
    );
    if (!position) throw new TenantNotFoundError(`household ${tenantId} does not exist`);
    const cursor = encodeCursor(position.seq);
    return { ack: { results: [], fromCursor: cursor, cursor }, inserted: [] };
  }
}
