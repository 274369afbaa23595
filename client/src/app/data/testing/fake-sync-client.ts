import type {
  AnySyncRow,
  ClientWrite,
  CreateInput,
  SyncClient,
  SyncClientOptions,
  SyncRow,
  SyncStatus,
  SyncTable,
  UpdatePatch,
  WriteAllOptions,
} from '@finwise/sync-client';
import { IDLE_SYNC_STATUS } from '../sync-client/sync-client.service';

type Listener<T> = (value: T) => void;

/** The device id of a fake client started without one. */
export const FAKE_CLIENT_ID = '5c0ffee0-0000-4000-8000-0000000000d1';

/**
 * An in-memory `SyncClient` for component and store tests: same API, no IndexedDB, no
 * network. Observers are called back asynchronously, as Dexie's live queries are.
 */
export class FakeSyncClient implements SyncClient {
  readonly rows = new Map<string, Map<string, AnySyncRow>>();
  /** Deleted rows by model and id, as the tombstones a device keeps. */
  readonly tombstones = new Map<string, Map<string, AnySyncRow>>();
  readonly calls: string[] = [];
  started = false;
  stopped = false;
  clearedLocalData = false;
  online = true;
  private statusValue: SyncStatus = IDLE_SYNC_STATUS;
  private readonly statusListeners = new Set<Listener<SyncStatus>>();
  private readonly observers = new Map<string, Set<Listener<AnySyncRow[]>>>();
  private counter = 0;

  constructor(readonly options: Partial<SyncClientOptions> = {}) {}

  async start(): Promise<void> {
    this.started = true;
  }

  async stop(options: { clearLocalData?: boolean } = {}): Promise<void> {
    this.stopped = true;
    this.clearedLocalData ||= options.clearLocalData === true;
  }

  connect(): void {
    this.online = true;
    this.calls.push('connect');
  }

  disconnect(): void {
    this.online = false;
    this.calls.push('disconnect');
  }

  table<T extends SyncRow = AnySyncRow>(modelName: string): SyncTable<T> {
    const rows = this.tableRows(modelName);
    const fake = {
      get: async (id: string) => rows.get(id),
      all: async () => [...rows.values()],
      getMany: async (ids: readonly string[], options: { includeDeleted?: boolean } = {}) =>
        ids.flatMap((id) => {
          const row =
            rows.get(id) ??
            (options.includeDeleted ? this.tombstones.get(modelName)?.get(id) : undefined);
          return row ? [row] : [];
        }),
      create: async (data: CreateInput<AnySyncRow>) => {
        const id = data.id ?? `00000000-0000-4000-8000-${String(++this.counter).padStart(12, '0')}`;
        const row: AnySyncRow = {
          ...rows.get(id),
          ...data,
          id,
          createdAt: null,
          updatedAt: this.hlc(),
          deletedAt: null,
          fieldClocks: {},
        };
        rows.set(id, row);
        this.calls.push(`create ${modelName} ${id}`);
        this.notify(modelName);
        return row;
      },
      createIfAbsent: async (data: CreateInput<AnySyncRow> & { id: string }) => {
        const existing = rows.get(data.id);
        if (existing) return existing;
        return fake.create(data);
      },
      update: async (id: string, patch: UpdatePatch<AnySyncRow>) => {
        const current = rows.get(id);
        if (!current) {
          throw Object.assign(new Error(`${modelName} ${id} does not exist`), {
            code: 'not_found',
          });
        }
        const row = { ...current, ...patch, updatedAt: this.hlc() };
        rows.set(id, row);
        this.calls.push(`update ${modelName} ${id} ${JSON.stringify(patch)}`);
        this.notify(modelName);
        return row;
      },
      delete: async (id: string) => {
        const deleted = rows.get(id);
        if (deleted) {
          const tombstones = this.tombstones.get(modelName) ?? new Map<string, AnySyncRow>();
          this.tombstones.set(modelName, tombstones);
          tombstones.set(id, { ...deleted, deletedAt: this.hlc() });
        }
        rows.delete(id);
        this.calls.push(`delete ${modelName} ${id}`);
        this.notify(modelName);
      },
      observe: (callback: Listener<AnySyncRow[]>) => {
        const listeners = this.observers.get(modelName) ?? new Set();
        this.observers.set(modelName, listeners);
        listeners.add(callback);
        queueMicrotask(() => listeners.has(callback) && callback([...rows.values()]));
        return () => listeners.delete(callback);
      },
    };
    return fake as unknown as SyncTable<T>;
  }

  /** Applies each write in order, as one local transaction would; the calls record a `batch` marker. */
  async writeAll(writes: readonly ClientWrite[], options: WriteAllOptions = {}): Promise<void> {
    this.calls.push(`batch ${writes.length}`);
    for (const [index, { modelName, operation, data, ifAbsent }] of writes.entries()) {
      const table = this.table(modelName);
      const { id, ...fields } = data;
      if (operation === 'create' && ifAbsent)
        await table.createIfAbsent({ ...data, id: String(id) });
      else if (operation === 'create') await table.create(data);
      else if (operation === 'update') await table.update(String(id), fields);
      else await table.delete(String(id));
      options.onProgress?.(index + 1, writes.length);
    }
  }

  /** Puts rows in place as if they had arrived from the server. */
  seed(modelName: string, rows: readonly object[]): void {
    const table = this.tableRows(modelName);
    for (const row of rows as readonly Record<string, unknown>[]) {
      const id = String(row['id']);
      table.set(id, {
        createdAt: null,
        updatedAt: this.hlc(),
        deletedAt: null,
        fieldClocks: {},
        ...row,
        id,
      });
    }
    this.notify(modelName);
  }

  observerCount(modelName: string): number {
    return this.observers.get(modelName)?.size ?? 0;
  }

  async flush(): Promise<void> {
    return undefined;
  }

  status(): SyncStatus {
    return this.statusValue;
  }

  setStatus(patch: Partial<SyncStatus>): void {
    this.statusValue = { ...this.statusValue, ...patch };
    for (const listener of this.statusListeners) {
      listener(this.statusValue);
    }
  }

  onStatus(callback: Listener<SyncStatus>): () => void {
    this.statusListeners.add(callback);
    callback(this.statusValue);
    return () => this.statusListeners.delete(callback);
  }

  clearRejections(): void {
    this.setStatus({ rejections: [] });
  }

  clearOverwritten(): void {
    this.setStatus({ overwritten: [] });
  }

  isLeader(): boolean {
    return true;
  }

  clientId(): string | null {
    return this.started ? (this.options.clientId ?? FAKE_CLIENT_ID) : null;
  }

  private tableRows(modelName: string): Map<string, AnySyncRow> {
    let rows = this.rows.get(modelName);
    if (!rows) {
      rows = new Map();
      this.rows.set(modelName, rows);
    }
    return rows;
  }

  private notify(modelName: string): void {
    const rows = [...this.tableRows(modelName).values()];
    for (const listener of this.observers.get(modelName) ?? []) {
      queueMicrotask(() => listener(rows));
    }
  }

  private hlc(): string {
    return `2026-01-01T00:00:00.000Z-${(++this.counter).toString(16).padStart(4, '0')}-0000000000000001`;
  }
}
