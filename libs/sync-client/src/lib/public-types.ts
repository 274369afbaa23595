/**
 * The public contract of `@finwise/sync-client` (DESIGN §7). This file is deliberately
 * self-contained: the published `.d.ts` must not depend on the workspace's private libraries.
 */

/** Columns every synced row carries besides its entity fields (DESIGN §4). */
export interface SyncRow {
  id: string;
  /**
   * The tenant (household). Always present on rows the client returns: set at once on rows
   * made locally, from `options.tenantId`, and replaced by the server's value when the
   * server's record arrives. Optional in the type only so that the entity types of the wire
   * schema (where it is optional input) fit.
   */
  tenantId?: string;
  /**
   * Server time of first insert (ISO). Null on a row made locally until the server's record
   * of it arrives (the ack of its create, a pull or a broadcast); the client never invents it.
   */
  createdAt: string | null;
  /** HLC of the newest applied change. */
  updatedAt: string;
  /** HLC of the delete for tombstones (never returned by the table API), else null. */
  deletedAt: string | null;
  /** Field name → HLC of its last applied write. */
  fieldClocks: Record<string, string>;
}

/** A row of an entity whose fields are not statically known. */
export type AnySyncRow = SyncRow & Record<string, unknown>;

type SystemKey = 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'fieldClocks';

/** What `create` accepts: the entity's own fields, `id` optional (generated when absent). */
export type CreateInput<T> = { [K in Exclude<keyof T, SystemKey>]?: T[K] } & { id?: string };

/** What `update` accepts: any subset of the entity's own fields. */
export type UpdatePatch<T> = { [K in Exclude<keyof T, SystemKey>]?: T[K] };

/**
 * The DOM's `IDBFactory` as far as the options need it: structural, so that Node projects
 * compiled without the DOM library can use these types. Pass a real `IDBFactory`.
 */
export interface IndexedDbFactoryLike {
  open(name: string, version?: number): unknown;
  deleteDatabase(name: string): unknown;
}

/** The DOM's `typeof IDBKeyRange` as far as the options need it (see `IndexedDbFactoryLike`). */
export interface IdbKeyRangeLike {
  bound(...args: never[]): unknown;
  lowerBound(...args: never[]): unknown;
  upperBound(...args: never[]): unknown;
  only(...args: never[]): unknown;
}

export interface SyncClientOptions {
  /** Server origin, e.g. `http://localhost:3000`. */
  url: string;
  tenantId: string;
  /** Called for every socket handshake. */
  getToken(): string | Promise<string>;
  /** Called on `unauthorized` or a server-side disconnect (token expiry); must return a fresh access token. */
  refreshToken?(): Promise<string>;
  /**
   * Addition to DESIGN §7: called when the server refuses the handshake with `forbidden` — the
   * user was removed from this household or left it. The client then stops connecting (no
   * refresh: it would not help); local data and the outbox stay, local reads and writes keep
   * working. `connect()` tries again.
   */
  onForbidden?(): void;
  /** Stable per device; generated and stored in the local database when absent. */
  clientId?: string;
  /** Node: an `IDBFactory` from fake-indexeddb (one per simulated device). Browsers: leave out. */
  indexedDB?: IndexedDbFactoryLike;
  /** The matching `IDBKeyRange` class (fake-indexeddb's in Node). */
  IDBKeyRange?: IdbKeyRangeLike;
  /**
   * Addition to DESIGN §7: timing knobs (all optional). Defaults suit browsers; tests shorten
   * them. Not needed by applications.
   */
  tuning?: Partial<SyncTuning>;
}

export interface SyncTuning {
  /** First reconnect / retry delay (ms); doubles per failure, with jitter. Default 500. */
  backoffBaseMs: number;
  /** Longest reconnect / retry delay (ms). Default 30000. */
  backoffMaxMs: number;
  /** How long to wait for a push or pull ack before treating the connection as dead. Default 30000. */
  requestTimeoutMs: number;
  /** Changes per pull page (1..1000). Default 1000. */
  pullPageSize: number;
  /**
   * A connected client that had nothing to do for this long pulls from its cursor, so a lost
   * broadcast delays a change by at most this much (ms). Default 60000. It also pulls whenever
   * its tab becomes visible.
   */
  idlePullMs: number;
  /**
   * Leader lease (fallback where the Web Locks API is missing, and in Node): renewed every
   * third of it; a leader that crashed without `stop()` is replaced once it ran out (ms).
   * Default 3000. Unused where Web Locks decide (browser tabs sharing the origin's IndexedDB):
   * the browser hands the lock over as soon as a tab closes or crashes.
   */
  leaderLeaseMs: number;
  /**
   * Most mutations in one push batch. Default 500, the protocol's limit; only a server
   * configured with other limits needs another value. Whatever the setting, a batch the server
   * refuses whole with `batch_too_large` is halved and sent again.
   */
  maxBatchMutations: number;
  /**
   * Most UTF-8 bytes of `JSON.stringify({ mutations })` in one push batch. Default 262144
   * (256 KB, the protocol's limit); see `maxBatchMutations`. Capped below the 1 MB Socket.IO
   * frame limit, beyond which the server closes the connection instead of answering.
   */
  maxBatchBytes: number;
}

export interface Rejection {
  mutationId: string;
  modelName: string;
  /** Id of the row the mutation targeted. */
  id: string;
  operation: 'create' | 'update' | 'delete';
  /** Stable snake_case code from the server (`validation`, `not_found`, `clock_skew`, …). */
  code: string;
  message: string;
  /** ISO time the client learned of it. */
  at: string;
}

/**
 * Addition to DESIGN §7: a change of this device that the server accepted but whose fields
 * last-writer-wins did not keep, because a newer change to them (from another device) had
 * arrived first. The row now holds that other value; the server's history has both.
 */
export interface OverwrittenChange {
  mutationId: string;
  modelName: string;
  /** Id of the row the change targeted. */
  id: string;
  /** The fields whose value was dropped. */
  fields: string[];
  /** ISO time the client learned of it. */
  at: string;
}

export interface InitialLoadProgress {
  loaded: number;
  total: number;
}

export interface SyncStatus {
  /** Whether the sync socket (this tab's, or the leader tab's) is connected. */
  online: boolean;
  /** Local changes not yet acknowledged by the server. */
  pendingCount: number;
  /** ISO time of the last completed exchange with the server, or null. */
  lastSyncedAt: string | null;
  /**
   * Progress of the initial load: never decreasing. A load cut off mid-way resumes after a
   * restart and keeps counting from its stored progress; `{0,0}` only when started from the
   * cursor of a finished load.
   */
  initialLoad: InitialLoadProgress;
  /** Mutations the server refused (rolled back locally), newest last. */
  rejections: readonly Rejection[];
  /** Addition to DESIGN §7: changes whose values lost to newer ones (see `OverwrittenChange`), newest last. */
  overwritten: readonly OverwrittenChange[];
}

export interface SyncTable<T extends SyncRow = AnySyncRow> {
  /** A live row (tombstones are never returned). */
  get(id: string): Promise<T | undefined>;
  /** All live rows, by id. */
  all(): Promise<T[]>;
  /**
   * Addition to DESIGN §7: the rows of these ids this device holds, in no particular order;
   * unknown ids are left out. With `includeDeleted`, tombstones too (`deletedAt` set), for a
   * caller that must not bring back what was deleted (a bank import finds deleted imported rows
   * by the ids the file would give them).
   */
  getMany(ids: readonly string[], options?: { includeDeleted?: boolean }): Promise<T[]>;
  /** Creates a row (id generated when absent); an id that exists locally gets the given fields updated. */
  create(data: CreateInput<T>): Promise<T>;
  /**
   * Addition to DESIGN §7, for rows the app seeds with a deterministic id: writes only when the
   * id is unknown locally, stamped with the earliest HLC (2000-01-01), so the server keeps every
   * field another device already wrote. Resolves to the live row (undefined for a tombstone).
   */
  createIfAbsent(data: CreateInput<T> & { id: string }): Promise<T | undefined>;
  update(id: string, patch: UpdatePatch<T>): Promise<T>;
  delete(id: string): Promise<void>;
  /**
   * Live query: called with the live rows (in id order) as soon as they are read and after
   * every change. Addition to DESIGN §7: `changes` lists the rows that differ from the list of
   * the previous call, so a caller that derives something from the rows can update it instead
   * of starting over; absent on the first call and whenever the table was read whole again.
   */
  observe(callback: (rows: T[], changes?: readonly RowChange<T>[]) => void): () => void;
}

/** Addition to DESIGN §7: one row an `observe` call changed: added (no `before`), removed (no `after`) or changed. */
export interface RowChange<T> {
  readonly before: T | undefined;
  readonly after: T | undefined;
}

/**
 * Addition to DESIGN §7: one write of `SyncClient.writeAll`. `update` and `delete` name their row
 * with `data.id`; `create` may leave it out (generated, as with `table.create`).
 */
export interface ClientWrite {
  modelName: string;
  operation: 'create' | 'update' | 'delete';
  data: { id?: string } & Record<string, unknown>;
  /**
   * A `create` of a row the app seeds with a deterministic id: written as `table.createIfAbsent`
   * writes it (only when the id is unknown here, stamped with the earliest HLC), or skipped.
   */
  ifAbsent?: boolean;
}

/** Addition to DESIGN §7: options of `SyncClient.writeAll`. */
export interface WriteAllOptions {
  /**
   * Called after each write is stored, with how many of how many are done (inside the local
   * transaction: nothing is committed until the last one), so a long batch can show progress.
   */
  onProgress?(written: number, total: number): void;
}

export interface StopOptions {
  /**
   * Addition to DESIGN §7 (sign-out): also delete this tenant's local database, including
   * changes not yet synced. Other tabs of the tenant lose their copy too.
   */
  clearLocalData?: boolean;
}

export interface SyncClient {
  /** Opens the tenant database, connects and catches up; never rejects for network reasons. */
  start(): Promise<void>;
  /** Closes the socket and the database; the outbox stays on disk. Idempotent. */
  stop(options?: StopOptions): Promise<void>;
  /** Network only: local reads and writes keep working offline. */
  connect(): void;
  disconnect(): void;
  table<T extends SyncRow = AnySyncRow>(modelName: string): SyncTable<T>;
  /**
   * Addition to DESIGN §7: several writes as one local transaction — all stored and queued, or
   * none (rejects with the first refusal). They reach the outbox together, so they are pushed in
   * one batch (up to the batch limits) and other devices see them at once.
   */
  writeAll(writes: readonly ClientWrite[], options?: WriteAllOptions): Promise<void>;
  /** Resolves when the outbox is empty and acknowledged; rejects on timeout or stop. */
  flush(timeoutMs?: number): Promise<void>;
  status(): SyncStatus;
  /** Called at once and after every status change; returns unsubscribe. */
  onStatus(callback: (status: SyncStatus) => void): () => void;
  clearRejections(): void;
  /** Addition to DESIGN §7: empties `overwritten` (in every tab). */
  clearOverwritten(): void;
  /** Addition to DESIGN §7: whether this instance is the tenant's sync leader (owns the socket). */
  isLeader(): boolean;
  /**
   * Addition to DESIGN §7: this device's id, the `clientId` of its socket handshake (so the
   * server's change history names it); null until `start()` has opened the local database.
   */
  clientId(): string | null;
}

/**
 * `code` of the errors the client rejects (or, for `unknown_model` and `no_indexeddb`,
 * throws) with. `no_indexeddb`: `createSyncClient` found no IndexedDB — none in the options
 * and none in the environment (Node without fake-indexeddb).
 */
export type SyncClientErrorCode =
  | 'validation'
  | 'not_found'
  | 'deleted'
  | 'unknown_model'
  | 'not_started'
  | 'stopped'
  | 'timeout'
  | 'no_indexeddb';
