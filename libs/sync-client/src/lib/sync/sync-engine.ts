import {
  ErrorCodes,
  isErrorAck,
  SyncEvents,
  type ChangesBroadcast,
  type PullResponse,
  type PushResponse,
  type SyncError,
} from '@finwise/sync-protocol';
import type { Socket } from 'socket.io-client';
import type { SyncTuning } from '../public-types';
import type { LocalDatabase } from '../database/local-database';
import { readMeta, writeMeta, type InitialLoadState } from '../database/meta';
import type { PersistedClock } from '../database/persisted-clock';
import { resetLocalCopy } from '../local/pending-replay';
import { BatchLimit } from '../outbox/batch-limit';
import { readOutbox } from '../outbox/outbox';
import type { OutboxEntry } from '../outbox/outbox-entry';
import { takeBatch } from '../outbox/push-batch';
import type { StatusStore } from '../status/status-store';
import { applyAck, dropUnsendable, type AckOutcome } from './apply-ack';
import { applyBroadcast, applyPullPage } from './apply-feed';
import { Backoff } from './backoff';
import { SyncConnection } from './connection';
import { SocketWork } from './socket-work';

export interface EngineHost {
  readonly db: LocalDatabase;
  readonly clock: PersistedClock;
  readonly clientId: string;
  readonly url: string;
  getToken(): string | Promise<string>;
  refreshToken?(): Promise<string>;
  readonly tuning: SyncTuning;
  readonly status: StatusStore;
  /** After an ack was applied (pending count and rejections changed). */
  acked(outcome: AckOutcome): void;
}

/** The request never got an answer: the link is dead (or the token was refused). */
class TransportError extends Error {
  constructor(
    message: string,
    readonly refreshToken = false,
  ) {
    super(message);
  }
}

/** The server answered with an error for the whole request; retry after a pause. */
class ServerRefusal extends Error {
  constructor(readonly error: SyncError) {
    super(`${error.code}: ${error.message}`);
  }
}

/**
 * The leader's sync duties: one socket, catch-up from the stored cursor (paged initial load,
 * resync), live broadcasts, and draining the outbox in order. Only the leader of a tenant
 * database runs one; every step is persisted before the next starts, so it can be dropped
 * at any point (crash, tab close, leadership change) and another engine resumes.
 */
export class SyncEngine {
  readonly firstSync: Promise<void>;
  private resolveFirstSync!: () => void;
  private readonly connection: SyncConnection;
  private work: SocketWork | null = null;
  private loop: Promise<void> = Promise.resolve();
  /** Outbox changes seen vs. drained: a write that lands during a drain is never missed. */
  private outboxVersion = 1;
  private drainedVersion = 0;
  private readonly batchLimit: BatchLimit;
  private readonly retryBackoff: Backoff;
  private stopped = false;
  private publishing: Promise<void> | null = null;
  private publishAgain = false;

  constructor(private readonly host: EngineHost) {
    this.firstSync = new Promise((resolve) => (this.resolveFirstSync = resolve));
    const { tuning } = host;
    this.batchLimit = new BatchLimit(tuning.maxBatchMutations, tuning.maxBatchBytes);
    this.retryBackoff = new Backoff(tuning.backoffBaseMs, tuning.backoffMaxMs);
    this.connection = new SyncConnection(
      {
        url: host.url,
        clientId: host.clientId,
        getToken: host.getToken.bind(host),
        refreshToken: host.refreshToken?.bind(host),
        backoff: new Backoff(tuning.backoffBaseMs, tuning.backoffMaxMs),
        handshakeTimeoutMs: tuning.requestTimeoutMs,
      },
      {
        connected: (socket) => this.onConnected(socket),
        disconnected: (socket) => this.onDisconnected(socket),
        attemptFailed: () => this.resolveFirstSync(),
      },
    );
  }

  start(online: boolean): void {
    // What a crashed predecessor published is no longer true: this engine has no socket yet.
    this.setStatus({ online: false });
    this.setOnline(online);
  }

  setOnline(online: boolean): void {
    if (this.stopped) return;
    if (online) {
      this.connection.open();
    } else {
      this.connection.close();
      this.resolveFirstSync();
    }
  }

  /** Local or another tab's write: there is something to push. */
  outboxChanged(): void {
    this.outboxVersion += 1;
    this.work?.wake();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.connection.close();
    this.work?.end();
    this.resolveFirstSync();
    await this.loop;
    await this.publishing;
    this.host.status.update({ online: false });
    const { lastSyncedAt } = this.host.status.get();
    await writeMeta(this.host.db, 'syncState', { online: false, lastSyncedAt }).catch(
      () => undefined,
    );
  }

  /** Drops everything at once, as a crashed tab would: nothing is awaited or written. */
  abandon(): void {
    this.stopped = true;
    this.connection.close();
    this.work?.end();
    this.resolveFirstSync();
  }

  private onConnected(socket: Socket): void {
    if (this.stopped) return;
    const work = new SocketWork(socket);
    this.work = work;
    socket.on(SyncEvents.changes, (payload: ChangesBroadcast) => work.addBroadcast(payload));
    this.setStatus({ online: true });
    this.loop = this.loop.then(() => this.run(work)).catch(() => undefined);
  }

  private onDisconnected(socket: Socket): void {
    if (this.work?.socket === socket) {
      this.work.end();
      this.work = null;
    }
    this.setStatus({ online: false });
    this.resolveFirstSync();
  }

  private async run(work: SocketWork): Promise<void> {
    while (work.active && !this.stopped) {
      try {
        if (work.pullDue) {
          const token = work.beginPull();
          await this.catchUp(work);
          work.pullDone(token);
          // Only a connection that served a whole catch-up counts as healthy (see SyncConnection).
          this.connection.markHealthy(work.socket);
          this.synced();
          this.resolveFirstSync();
        } else if (work.broadcasts.length > 0) {
          await this.receive(work, work.broadcasts.shift() as ChangesBroadcast);
        } else if (this.outboxVersion !== this.drainedVersion) {
          await this.pushNextBatch(work);
        } else {
          await work.idle();
        }
      } catch (error) {
        if (!work.active || this.stopped) break;
        // A first catch-up that fails must not hold start() hostage.
        this.resolveFirstSync();
        if (error instanceof TransportError) {
          this.connection.reset({ refreshToken: error.refreshToken });
          break;
        }
        await work.pause(this.retryBackoff.next());
      }
    }
  }

  private async request<T>(work: SocketWork, event: string, payload: unknown): Promise<T> {
    // A disconnected socket would buffer the request until the timeout instead of failing.
    if (!work.active || !work.socket.connected) throw new TransportError('disconnected');
    let response: T;
    try {
      response = (await work.socket
        .timeout(this.host.tuning.requestTimeoutMs)
        .emitWithAck(event, payload)) as T;
    } catch (error) {
      throw new TransportError(`${event}: ${(error as Error).message}`);
    }
    if (isErrorAck(response) && response.error.code === ErrorCodes.unauthorized) {
      throw new TransportError('token expired', true);
    }
    return response;
  }

  /** Pulls from the stored cursor to the end; page N is applied while page N+1 is fetched. */
  private async catchUp(work: SocketWork): Promise<void> {
    const { db, clock } = this.host;
    let cursor = (await readMeta(db, 'cursor')) ?? null;
    let load = await this.initialLoadState(cursor);
    const pull = (from: string | null) =>
      this.request<PullResponse>(work, SyncEvents.pull, {
        cursor: from,
        limit: this.host.tuning.pullPageSize,
      });
    let pending = pull(cursor);
    for (;;) {
      const response = await pending;
      if (isErrorAck(response)) {
        if (response.error.code !== ErrorCodes.resyncRequired)
          throw new ServerRefusal(response.error);
        // The server no longer serves this cursor (tombstones purged or data reset): reload
        // everything, keeping the outbox so no local change is lost.
        await db.transaction('rw', db.syncTables(), () => resetLocalCopy(db));
        cursor = null;
        load = await this.initialLoadState(null);
        pending = pull(null);
        continue;
      }
      const next = response.hasMore ? pull(response.cursor) : null;
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next?.catch(() => undefined);
      if (load) {
        if (cursor === null && response.total !== undefined)
          load.total = load.loaded + response.total;
        load.loaded += response.changes.length;
        load.total = Math.max(load.total, load.loaded);
        load.done = !response.hasMore;
      }
      const applied = await applyPullPage(db, clock, response, cursor, load ? { ...load } : null);
      // Someone else moved the cursor (a second leader for a moment): start over from it.
      if (!applied) {
        work.requestPull();
        return;
      }
      if (load) this.setStatus({ initialLoad: { loaded: load.loaded, total: load.total } });
      this.retryBackoff.reset();
      cursor = response.cursor;
      if (!next) return;
      pending = next;
    }
  }

  /** Progress of a load from cursor null, or of one a previous run left unfinished. */
  private async initialLoadState(cursor: string | null): Promise<InitialLoadState | null> {
    if (cursor === null) {
      const shown = this.host.status.get().initialLoad.loaded;
      return { loaded: shown, total: shown, done: false };
    }
    const stored = await readMeta(this.host.db, 'initialLoad');
    return stored && !stored.done ? { ...stored } : null;
  }

  private async receive(work: SocketWork, broadcast: ChangesBroadcast): Promise<void> {
    const outcome = await applyBroadcast(this.host.db, this.host.clock, broadcast);
    if (outcome === 'gap') work.requestPull();
    else if (outcome === 'applied') this.synced();
  }

  private async pushNextBatch(work: SocketWork): Promise<void> {
    const { db, clock } = this.host;
    const version = this.outboxVersion;
    const entries = await readOutbox(db.outbox, this.batchLimit.mutations);
    if (entries.length === 0) {
      this.drainedVersion = version;
      this.batchLimit.reset();
      return;
    }
    const batch = takeBatch(entries, this.batchLimit.mutations, this.batchLimit.bytes);
    const response = await this.request<PushResponse>(work, SyncEvents.push, {
      mutations: batch.map((e) => e.mutation),
    });
    if (isErrorAck(response)) {
      await this.pushRefused(batch, response.error);
      return;
    }
    const outcome = await applyAck(db, clock, batch, response, () =>
      this.host.status.beginPendingRead(),
    );
    this.retryBackoff.reset();
    this.host.acked(outcome);
    if (!outcome.cursorAdvanced) work.requestPull();
    this.synced();
  }

  private async pushRefused(batch: readonly OutboxEntry[], error: SyncError): Promise<void> {
    if (error.code !== ErrorCodes.batchTooLarge) throw new ServerRefusal(error);
    if (batch.length > 1) {
      this.batchLimit.halve(batch.length);
      return;
    }
    // One mutation alone is too large: it can never be sent. Report it instead of stalling
    // the outbox behind it; the local row keeps the change (there is no server copy to restore).
    const outcome = await dropUnsendable(this.host.db, batch[0], error, () =>
      this.host.status.beginPendingRead(),
    );
    this.host.acked(outcome);
  }

  private synced(): void {
    this.setStatus({ lastSyncedAt: new Date().toISOString() });
  }

  private setStatus(patch: {
    online?: boolean;
    lastSyncedAt?: string;
    initialLoad?: { loaded: number; total: number };
  }): void {
    if (this.stopped) return;
    this.host.status.update(patch);
    if (patch.online !== undefined || patch.lastSyncedAt !== undefined) this.publish();
  }

  /** Shares online/lastSyncedAt with follower tabs through `meta` (coalesced writes). */
  private publish(): void {
    if (this.stopped) return;
    if (this.publishing) {
      this.publishAgain = true;
      return;
    }
    this.publishing = (async () => {
      do {
        this.publishAgain = false;
        const { online, lastSyncedAt } = this.host.status.get();
        await writeMeta(this.host.db, 'syncState', { online, lastSyncedAt });
      } while (this.publishAgain && !this.stopped);
    })()
      .catch(() => undefined)
      .finally(() => (this.publishing = null));
  }
}
