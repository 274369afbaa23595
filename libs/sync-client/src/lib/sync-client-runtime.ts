import Dexie from 'dexie';
import { findEntity } from '@finwise/domain';
import { SyncLimits } from '@finwise/sync-protocol';
import {
  databaseName,
  type IndexedDbDependencies,
  type LocalDatabase,
} from './database/local-database';
import { readMeta, writeMeta } from './database/meta';
import { onTableChange, watchQuery } from './database/table-watch';
import { openLocalDatabase, type OpenedDatabase } from './local/open-database';
import {
  holdIndexedDb,
  indexedDbDependencies,
  releaseIndexedDb,
  usesGlobalIndexedDb,
} from './environment';
import { SyncClientError } from './errors';
import type { LeaderElection } from './leader/leader-election';
import { webLocks } from './leader/leader-election';
import { LeaseElection } from './leader/lease-election';
import { WebLocksElection } from './leader/web-locks-election';
import { LocalWriter, type LocalWriteResult } from './local/local-writes';
import { countOutbox } from './outbox/outbox';
import type {
  AnySyncRow,
  ClientWrite,
  StopOptions,
  SyncClient,
  SyncClientOptions,
  SyncRow,
  SyncStatus,
  SyncTable,
  SyncTuning,
  WriteAllOptions,
} from './public-types';
import { StatusStore } from './status/status-store';
import type { AckOutcome } from './sync/push/apply-ack';
import { SyncEngine } from './sync/sync-engine';
import { onTabVisible } from './sync/tab-visibility';
import { TableApi, type TableHost } from './table/table-api';
import { CRASH_HOOK } from './testing/crash-hook';

const DEFAULT_TUNING: Readonly<SyncTuning> = Object.freeze({
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  requestTimeoutMs: 30_000,
  pullPageSize: 1000,
  idlePullMs: 60_000,
  leaderLeaseMs: 3000,
  maxBatchMutations: SyncLimits.maxBatchMutations,
  maxBatchBytes: SyncLimits.maxBatchBytes,
});

type Phase = 'new' | 'starting' | 'started' | 'stopped';

const stoppedError = () => new SyncClientError('stopped', 'the sync client was stopped');

/**
 * The `SyncClient` behind `createSyncClient`: owns the local database, the tables, the status
 * and the leader election; while this instance leads, a `SyncEngine` does the network work.
 */
export class SyncClientRuntime implements SyncClient {
  private phase: Phase = 'new';
  private readonly dependencies: IndexedDbDependencies;
  private readonly tuning: SyncTuning;
  private readonly url: string;
  private readonly statusStore = new StatusStore();
  private readonly instanceId = globalThis.crypto.randomUUID();
  private wantOnline = true;
  private opening: Promise<OpenedDatabase> | null = null;
  private local: OpenedDatabase | null = null;
  private writer: LocalWriter | null = null;
  private engine: SyncEngine | null = null;
  private election: LeaderElection | null = null;
  private startPromise: Promise<void> | null = null;
  private stopPromise: Promise<void> | null = null;
  private readonly openWaiters: {
    resolve(local: OpenedDatabase): void;
    reject(error: Error): void;
  }[] = [];
  private readonly liveQueries = new Set<() => void>();
  private readonly stopListeners = new Set<() => void>();
  /** Stops the watchers of the shared database. */
  private readonly watches: (() => void)[] = [];
  private stopVisibility: (() => void) | null = null;
  private holdsIndexedDb = false;
  private readonly tables = new Map<string, TableApi<AnySyncRow>>();
  private readonly tableHost: TableHost;

  constructor(private readonly options: SyncClientOptions) {
    if (typeof options?.url !== 'string' || options.url === '')
      throw new TypeError('options.url must be the server origin');
    if (typeof options.tenantId !== 'string' || options.tenantId === '')
      throw new TypeError('options.tenantId is required');
    if (typeof options.getToken !== 'function')
      throw new TypeError('options.getToken must be a function');
    this.url = options.url.replace(/\/+$/, '');
    this.dependencies = indexedDbDependencies(options);
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.tableHost = {
      ready: () => this.ready(),
      opened: () => this.opened(),
      afterWrite: (result) => this.afterWrite(result),
      track: (unsubscribe) => {
        const wrapped = () => {
          this.liveQueries.delete(wrapped);
          unsubscribe();
        };
        this.liveQueries.add(wrapped);
        return wrapped;
      },
    };
  }

  start(): Promise<void> {
    if (this.phase === 'stopped') return Promise.reject(stoppedError());
    this.startPromise ??= this.open().catch((error: unknown) => {
      // Not a network problem (IndexedDB refused to open): let the caller retry start().
      if (this.phase !== 'stopped') this.phase = 'new';
      this.startPromise = null;
      this.opening = null;
      throw error;
    });
    return this.startPromise;
  }

  stop(options: StopOptions = {}): Promise<void> {
    this.stopPromise ??= this.shutdown();
    return options.clearLocalData
      ? this.stopPromise.then(() => this.deleteLocalData())
      : this.stopPromise;
  }

  connect(): void {
    this.wantOnline = true;
    this.engine?.setOnline(true);
  }

  disconnect(): void {
    this.wantOnline = false;
    this.engine?.setOnline(false);
  }

  table<T extends SyncRow = AnySyncRow>(modelName: string): SyncTable<T> {
    const entity = findEntity(modelName);
    if (!entity)
      throw new SyncClientError('unknown_model', `unknown modelName: ${String(modelName)}`);
    let table = this.tables.get(entity.modelName);
    if (!table) {
      table = new TableApi<AnySyncRow>(entity, this.tableHost);
      this.tables.set(entity.modelName, table);
    }
    return table as unknown as SyncTable<T>;
  }

  async writeAll(writes: readonly ClientWrite[], options: WriteAllOptions = {}): Promise<void> {
    const resolved = writes.map((write) => {
      const entity = findEntity(write.modelName);
      if (!entity)
        throw new SyncClientError('unknown_model', `unknown modelName: ${String(write.modelName)}`);
      return {
        entity,
        operation: write.operation,
        data: write.data,
        ifAbsent: write.ifAbsent === true,
      };
    });
    if (resolved.length === 0) return;
    const { writer } = await this.ready();
    this.afterWrite(await writer.writeAll(resolved, options.onProgress));
  }

  async flush(timeoutMs = 30_000): Promise<void> {
    const { db } = await this.ready();
    await new Promise<void>((resolve, reject) => {
      let finished = false;
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        clearInterval(poll);
        unsubscribe?.();
        this.stopListeners.delete(onStop);
        if (error) reject(error);
        else resolve();
      };
      // The outbox is the truth (entries leave it only with their ack); the status and a slow
      // poll just say when to look (another tab's leader may be the one draining it).
      const check = () => {
        countOutbox(db.outbox).then(
          (count) => count === 0 && finish(),
          () => undefined,
        );
      };
      const timer = setTimeout(
        () =>
          finish(
            new SyncClientError('timeout', `the outbox was not drained within ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      const poll = setInterval(check, 100);
      const onStop = () => finish(stoppedError());
      this.stopListeners.add(onStop);
      // Subscribed last: the listener runs at once and may finish before this line returns.
      const unsubscribe: (() => void) | undefined = this.statusStore.subscribe(
        (status) => status.pendingCount === 0 && check(),
      );
    });
  }

  status(): SyncStatus {
    return this.statusStore.get();
  }

  onStatus(callback: (status: SyncStatus) => void): () => void {
    return this.statusStore.subscribe(callback);
  }

  clearRejections(): void {
    this.statusStore.update({ rejections: [] });
    if (this.local && this.phase !== 'stopped')
      void writeMeta(this.local.db, 'rejections', []).catch(() => undefined);
  }

  clearOverwritten(): void {
    this.statusStore.update({ overwritten: [] });
    if (this.local && this.phase !== 'stopped')
      void writeMeta(this.local.db, 'overwritten', []).catch(() => undefined);
  }

  isLeader(): boolean {
    return this.engine !== null;
  }

  clientId(): string | null {
    return this.phase === 'stopped' ? null : (this.local?.clientId ?? null);
  }

  /** A getter, so TypeScript does not narrow `phase` across awaits. */
  private get stopped(): boolean {
    return this.phase === 'stopped';
  }

  /**
   * Drops the client the way a crashed tab would (no release, nothing awaited). Symbol-keyed,
   * so it is no part of the client's API; tests reach it through `simulateCrash`.
   */
  [CRASH_HOOK](): void {
    this.phase = 'stopped';
    this.stopPromise ??= Promise.resolve();
    this.endListeners();
    this.engine?.abandon();
    this.engine = null;
    this.election?.abandon();
    this.local?.db.close();
    this.releaseIndexedDb();
  }

  private async open(): Promise<void> {
    this.phase = 'starting';
    if (!this.holdsIndexedDb) {
      holdIndexedDb(this.dependencies);
      this.holdsIndexedDb = true;
    }
    this.opening = openLocalDatabase(
      this.options.tenantId,
      this.dependencies,
      this.options.clientId,
    );
    const local = await this.opening;
    if (this.stopped) return;
    this.local = local;
    this.writer = new LocalWriter(local.db, local.clock, () => this.statusStore.beginPendingRead());
    await this.loadStatus(local.db);
    this.watchSharedState(local.db);
    this.phase = 'started';
    for (const waiter of this.openWaiters.splice(0)) waiter.resolve(local);
    this.stopVisibility = onTabVisible(() => this.tabVisible(local.db));
    this.election = this.createElection(local.db);
    await this.election.start((leader) => this.setLeader(leader));
    await this.engine?.firstSync;
  }

  private createElection(db: LocalDatabase): LeaderElection {
    const locks = webLocks();
    // Web Locks are per origin: only instances sharing the environment's own IndexedDB are
    // tabs of one database. Clients with their own factory (Node) elect through the database.
    if (locks && usesGlobalIndexedDb(this.dependencies)) {
      return new WebLocksElection(
        locks,
        `finwise-sync-leader:${databaseName(this.options.tenantId)}`,
      );
    }
    return new LeaseElection(db, this.instanceId, this.tuning.leaderLeaseMs);
  }

  private setLeader(leader: boolean): void {
    if (this.phase !== 'started' || !this.local) return;
    if (leader && !this.engine) {
      const { db, clock, clientId } = this.local;
      const engine = new SyncEngine({
        db,
        clock,
        clientId,
        url: this.url,
        getToken: () => this.options.getToken(),
        refreshToken: this.options.refreshToken
          ? () => (this.options.refreshToken as () => Promise<string>)()
          : undefined,
        tuning: this.tuning,
        status: this.statusStore,
        acked: (outcome) => this.afterAck(outcome),
        forbidden: () => this.options.onForbidden?.(),
      });
      this.engine = engine;
      engine.start(this.wantOnline);
    } else if (!leader && this.engine) {
      const engine = this.engine;
      this.engine = null;
      void engine.stop();
    }
  }

  private async shutdown(): Promise<void> {
    this.phase = 'stopped';
    this.endListeners();
    for (const waiter of this.openWaiters.splice(0)) waiter.reject(stoppedError());
    const engine = this.engine;
    this.engine = null;
    await engine?.stop();
    await this.election?.stop();
    const local = this.local ?? (await this.opening?.catch(() => null));
    local?.db.close();
    this.statusStore.update({ online: false });
    this.releaseIndexedDb();
  }

  private async deleteLocalData(): Promise<void> {
    await new Dexie(databaseName(this.options.tenantId), {
      indexedDB: this.dependencies.indexedDB,
      IDBKeyRange: this.dependencies.IDBKeyRange,
    }).delete();
  }

  private releaseIndexedDb(): void {
    if (!this.holdsIndexedDb) return;
    this.holdsIndexedDb = false;
    releaseIndexedDb(this.dependencies);
  }

  private endListeners(): void {
    for (const listener of [...this.stopListeners]) listener();
    for (const unsubscribe of [...this.liveQueries]) unsubscribe();
    for (const stop of this.watches.splice(0)) stop();
    this.stopVisibility?.();
    this.stopVisibility = null;
  }

  private async ready(): Promise<{ db: LocalDatabase; writer: LocalWriter }> {
    if (this.phase === 'stopped') throw stoppedError();
    if (!this.opening)
      throw new SyncClientError('not_started', 'call start() before using the client');
    await this.opening;
    if (this.stopped || !this.local || !this.writer) throw stoppedError();
    return { db: this.local.db, writer: this.writer };
  }

  /** Like `ready()`, but waits for a `start()` that has not been called yet (live queries). */
  private opened(): Promise<{ db: LocalDatabase }> {
    if (this.phase === 'stopped') return Promise.reject(stoppedError());
    if (this.local && this.phase === 'started') return Promise.resolve(this.local);
    return new Promise((resolve, reject) => this.openWaiters.push({ resolve, reject }));
  }

  /** A visible tab catches up at once; only the leader has a socket, so others ask it to. */
  private tabVisible(db: LocalDatabase): void {
    if (this.stopped) return;
    if (this.engine) this.engine.pullNow();
    else void writeMeta(db, 'pullRequest', globalThis.crypto.randomUUID()).catch(() => undefined);
  }

  private afterWrite(result: LocalWriteResult): void {
    this.statusStore.setPendingCount(result.pendingCount, result.pendingReadSeq);
    if (result.record) this.engine?.outboxChanged();
  }

  private afterAck(outcome: AckOutcome): void {
    this.statusStore.setPendingCount(outcome.pendingCount, outcome.pendingReadSeq);
    this.statusStore.update({
      rejections: outcome.allRejections,
      overwritten: outcome.allOverwritten,
    });
  }

  private async loadStatus(db: LocalDatabase): Promise<void> {
    const snapshot = await db.transaction('r', db.outbox, db.meta, async () => {
      const pendingReadSeq = this.statusStore.beginPendingRead();
      return {
        pendingReadSeq,
        pendingCount: await countOutbox(db.outbox),
        rejections: (await readMeta(db, 'rejections')) ?? [],
        overwritten: (await readMeta(db, 'overwritten')) ?? [],
        initialLoad: await readMeta(db, 'initialLoad'),
        syncState: await readMeta(db, 'syncState'),
      };
    });
    this.statusStore.setPendingCount(snapshot.pendingCount, snapshot.pendingReadSeq);
    const load = snapshot.initialLoad;
    this.statusStore.update({
      rejections: snapshot.rejections,
      overwritten: snapshot.overwritten,
      lastSyncedAt: snapshot.syncState?.lastSyncedAt ?? null,
      // A finished load is history: a start from a stored cursor shows {0,0}.
      initialLoad:
        load && !load.done ? { loaded: load.loaded, total: load.total } : { loaded: 0, total: 0 },
    });
  }

  /**
   * Keeps this instance's status in step with the shared database: the outbox (other tabs
   * write to it too; the leader must push their writes) and what the leader publishes.
   */
  private watchSharedState(db: LocalDatabase): void {
    const statusKeys = ['syncState', 'rejections', 'initialLoad', 'overwritten'];
    const outboxChanged = () => {
      // Outside the transaction whose commit reported the change.
      Dexie.ignoreTransaction(() => this.refreshPendingCount(db));
      this.engine?.outboxChanged();
    };
    outboxChanged();
    this.watches.push(
      onTableChange(db, 'outbox', null, outboxChanged),
      this.watchPullRequests(db),
      watchQuery(
        db,
        'meta',
        statusKeys,
        () => db.meta.bulkGet(statusKeys),
        ([syncState, rejections, initialLoad, overwritten]) => {
          const patch: Partial<SyncStatus> = {
            rejections: (rejections?.value as SyncStatus['rejections']) ?? [],
            overwritten: (overwritten?.value as SyncStatus['overwritten']) ?? [],
          };
          // The leader knows its own connection; followers mirror what it publishes.
          if (!this.engine) {
            const shared = syncState?.value as
              { online: boolean; lastSyncedAt: string | null } | undefined;
            const load = initialLoad?.value as
              { loaded: number; total: number; done: boolean } | undefined;
            if (shared)
              Object.assign(patch, { online: shared.online, lastSyncedAt: shared.lastSyncedAt });
            // Progress shows while a load runs (and stays at its end); an old finished load stays {0,0}.
            if (load && (!load.done || this.statusStore.get().initialLoad.total > 0)) {
              patch.initialLoad = { loaded: load.loaded, total: load.total };
            }
          }
          this.statusStore.update(patch);
        },
      ),
    );
  }

  /** The leader pulls when another tab of the tenant became visible (see `tabVisible`). */
  private watchPullRequests(db: LocalDatabase): () => void {
    let seen: string | undefined | null = null;
    return watchQuery(
      db,
      'meta',
      ['pullRequest'],
      () => readMeta(db, 'pullRequest'),
      (request) => {
        // The first value is what was there before this instance started, not a new request.
        if (seen !== null && request !== seen) this.engine?.pullNow();
        seen = request;
      },
    );
  }

  private refreshPendingCount(db: LocalDatabase): void {
    db.transaction('r', db.outbox, async () => {
      const readSeq = this.statusStore.beginPendingRead();
      return { readSeq, count: await countOutbox(db.outbox) };
    }).then(
      ({ readSeq, count }) => this.statusStore.setPendingCount(count, readSeq),
      () => undefined,
    );
  }
}
