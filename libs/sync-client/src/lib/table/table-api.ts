import type { SyncedEntityDefinition } from '@finwise/domain';
import type { AnyRecord } from '@finwise/sync-protocol';
import type { LocalDatabase } from '../database/local-database';
import type { LocalWriter, LocalWriteResult } from '../local/local-writes';
import { followTable } from './live-table';
import type { CreateInput, RowChange, SyncRow, SyncTable, UpdatePatch } from '../public-types';

/** What a table needs from the client that owns it. */
export interface TableHost {
  /** The open database and writer; rejects when the client is not started or stopped. */
  ready(): Promise<{ db: LocalDatabase; writer: LocalWriter }>;
  /** Resolves when the database is open (waits for `start()`); rejects when stopped. */
  opened(): Promise<{ db: LocalDatabase }>;
  afterWrite(result: LocalWriteResult): void;
  /** Keeps live queries so `stop()` can end them. */
  track(unsubscribe: () => void): () => void;
}

const isLive = (row: AnyRecord) => row.deletedAt == null;

/** `client.table(modelName)`: reads hide tombstones; writes go through the local writer. */
export class TableApi<T extends SyncRow> implements SyncTable<T> {
  constructor(
    private readonly entity: SyncedEntityDefinition,
    private readonly host: TableHost,
  ) {}

  async get(id: string): Promise<T | undefined> {
    const { db } = await this.host.ready();
    const row =
      typeof id === 'string'
        ? await db.rows(this.entity.modelName).get(id.toLowerCase())
        : undefined;
    return row && isLive(row) ? (row as unknown as T) : undefined;
  }

  async all(): Promise<T[]> {
    const { db } = await this.host.ready();
    return (await db.rows(this.entity.modelName).filter(isLive).toArray()) as unknown as T[];
  }

  async getMany(ids: readonly string[], options: { includeDeleted?: boolean } = {}): Promise<T[]> {
    const { db } = await this.host.ready();
    const keys = [
      ...new Set(ids.filter((id) => typeof id === 'string').map((id) => id.toLowerCase())),
    ];
    const rows = await db.rows(this.entity.modelName).bulkGet(keys);
    return rows.filter(
      (row): row is AnyRecord =>
        row !== undefined && (options.includeDeleted === true || isLive(row)),
    ) as unknown as T[];
  }

  async create(data: CreateInput<T>): Promise<T> {
    const { writer } = await this.host.ready();
    const result = await writer.create(this.entity, data as Record<string, unknown>);
    this.host.afterWrite(result);
    return result.record as unknown as T;
  }

  async createIfAbsent(data: CreateInput<T> & { id: string }): Promise<T | undefined> {
    const { writer } = await this.host.ready();
    const result = await writer.createIfAbsent(this.entity, data as Record<string, unknown>);
    this.host.afterWrite(result);
    return (result.record as unknown as T | null) ?? this.get(data.id);
  }

  async update(id: string, patch: UpdatePatch<T>): Promise<T> {
    const { writer } = await this.host.ready();
    const result = await writer.update(this.entity, id, patch as Record<string, unknown>);
    this.host.afterWrite(result);
    return result.record as unknown as T;
  }

  async delete(id: string): Promise<void> {
    const { writer } = await this.host.ready();
    this.host.afterWrite(await writer.delete(this.entity, id));
  }

  observe(callback: (rows: T[], changes?: readonly RowChange<T>[]) => void): () => void {
    let stopFollowing: (() => void) | null = null;
    let closed = false;
    const unsubscribe = this.host.track(() => {
      closed = true;
      stopFollowing?.();
    });
    this.host
      .opened()
      .then(({ db }) => {
        if (closed) return;
        stopFollowing = followTable(db, this.entity.modelName, isLive, (rows, changes) =>
          callback(rows as unknown as T[], changes as unknown as RowChange<T>[] | undefined),
        );
      })
      .catch(() => undefined);
    return unsubscribe;
  }
}
