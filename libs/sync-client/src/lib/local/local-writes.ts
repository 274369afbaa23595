import {
  issuesMessage,
  judgeRowWrite,
  validateMutationData,
  type SyncedEntityDefinition,
} from '@finwise/domain';
import {
  applyMutation,
  EARLIEST_HLC_MS,
  formatHlc,
  type AnyRecord,
  type Mutation,
  type Operation,
} from '@finwise/sync-protocol';
import { SyncClientError } from '../errors';
import type { LocalDatabase } from '../database/local-database';
import type { PersistedClock } from '../database/persisted-clock';
import { appendAllToOutbox, appendToOutbox, countOutbox } from '../outbox/outbox';
import { rowKey, type OutboxEntry } from '../outbox/outbox-entry';
import { withTenant } from './tenant-row';
import { putRows } from '../database/put-rows';

export interface LocalWriteResult {
  /** The row after the write (a tombstone for deletes); null when nothing changed. */
  record: AnyRecord | null;
  /** Outbox size right after this write, read in the same transaction… */
  pendingCount: number;
  /** …and that read's place among all pending-count reads (see StatusStore). */
  pendingReadSeq: number;
}

/** One write of a batch: what `create`, `update` (with `data.id`) or `delete` (`data.id`) take. */
export interface BatchWrite {
  entity: SyncedEntityDefinition;
  operation: Operation;
  data: Record<string, unknown>;
  /** A `create` written as `createIfAbsent` writes it. */
  ifAbsent?: boolean;
}

/** A write that validated and is ready to apply inside the transaction. */
interface PreparedWrite {
  operation: Operation;
  data: { id: string } & Record<string, unknown>;
  complete: boolean;
}

/** A write whose row is known, decided once that row has been read inside the transaction. */
interface PlannedWrite {
  entity: SyncedEntityDefinition;
  id: string;
  /** What to apply to the row as stored (undefined: none); null: nothing. Throws a refusal. */
  decide(current: AnyRecord | undefined): PreparedWrite | null;
  /** `earliest`: a seed's stamp (see `createIfAbsent`), else a fresh tick of the clock. */
  stamp: 'fresh' | 'earliest';
}

/** What a write stores: the row after it and the mutation queued for the server. */
interface StagedWrite {
  record: AnyRecord;
  entry: OutboxEntry;
}

const randomUUID = (): string => globalThis.crypto.randomUUID();

/**
 * Local writes: validate with the shared zod schemas, then — in one Dexie transaction —
 * stamp a fresh HLC from the persisted clock, apply the change to the row with the shared
 * merge function (the optimistic state is exactly what the server will compute) and append
 * the mutation to the outbox. Either all of it is stored or nothing.
 */
export class LocalWriter {
  constructor(
    private readonly db: LocalDatabase,
    private readonly clock: PersistedClock,
    private readonly beginPendingRead: () => number = () => 0,
  ) {}

  async create(
    entity: SyncedEntityDefinition,
    input: Record<string, unknown>,
  ): Promise<LocalWriteResult> {
    return this.write(this.creating(entity, input));
  }

  /**
   * Writes a row the app seeds (a starter category, the "Starting balance" payee) only when its
   * id is unknown here, and stamps it with the earliest HLC the server accepts: on the server it
   * then loses every field to a row another device already created or edited (the create is
   * `stale` and the stored row comes back), so a seed can never undo a rename. A tombstone stays
   * one. `record` is null when nothing was written.
   */
  async createIfAbsent(
    entity: SyncedEntityDefinition,
    input: Record<string, unknown>,
  ): Promise<LocalWriteResult> {
    return this.write(this.seeding(entity, input));
  }

  async update(
    entity: SyncedEntityDefinition,
    id: string,
    patch: Record<string, unknown>,
  ): Promise<LocalWriteResult> {
    return this.write(this.updating(entity, id, patch));
  }

  async delete(entity: SyncedEntityDefinition, id: string): Promise<LocalWriteResult> {
    return this.write(this.deleting(entity, id));
  }

  /**
   * Several writes in one IndexedDB transaction: all are stored and queued, or none (the first
   * refusal rolls back the others). They enter the outbox together, so the leader pushes them in
   * one batch (within the batch limits) and other devices get them in one change.
   *
   * Each write is decided and stamped exactly as on its own, in order, but the batch costs a
   * handful of IndexedDB requests instead of seven per write: the rows are read with one
   * `bulkGet` per table, the clock is read and stored once, and the rows and outbox entries are
   * written with one `bulkPut`/`bulkAdd` each (446 writes of a bank import took 4.9 s in
   * Chromium one by one and 0.5 s like this; see bench/README.md). A row written twice is
   * decided the second time on the first write's result, as in sequence.
   */
  async writeAll(
    writes: readonly BatchWrite[],
    onProgress?: (written: number, total: number) => void,
  ): Promise<LocalWriteResult> {
    const planned = writes.map((write) => this.planned(write));
    const tables = [
      ...new Set(planned.map((write) => this.db.rows(write.entity.modelName))),
      this.db.outbox,
      this.db.meta,
    ];
    return this.db.transaction('rw', tables, async () => {
      const rows = await this.readRows(planned);
      const stamps = await this.clock.stamps(this.db);
      const written = new Map<string, Map<string, AnyRecord>>();
      const entries: OutboxEntry[] = [];
      let changed: AnyRecord | null = null;
      for (const [index, write] of planned.entries()) {
        onProgress?.(index + 1, planned.length);
        const key = rowKey(write.entity.modelName, write.id);
        const current = rows.get(key);
        const prepared = write.decide(current);
        if (!prepared) continue;
        const hlc =
          write.stamp === 'earliest' ? this.earliestHlc() : stamps.tick(current?.updatedAt);
        const staged = this.stage(write, prepared, current, hlc);
        if (!staged) {
          changed = current ?? changed;
          continue;
        }
        rows.set(key, staged.record);
        const tableRows = written.get(write.entity.modelName) ?? new Map<string, AnyRecord>();
        written.set(write.entity.modelName, tableRows.set(write.id, staged.record));
        entries.push(staged.entry);
        changed = staged.record;
      }
      for (const [modelName, records] of written)
        await putRows(this.db.rows(modelName), [...records.values()]);
      await appendAllToOutbox(this.db.outbox, entries);
      await stamps.save();
      return { record: changed, ...(await this.countPending()) };
    });
  }

  private planned(write: BatchWrite): PlannedWrite {
    const { entity, data } = write;
    if (write.operation === 'create') {
      return write.ifAbsent ? this.seeding(entity, data) : this.creating(entity, data);
    }
    const id = data['id'];
    if (typeof id !== 'string') {
      throw new SyncClientError('validation', `${write.operation} needs data.id`);
    }
    if (write.operation === 'update') return this.updating(entity, id, data);
    return this.deleting(entity, id);
  }

  private seeding(entity: SyncedEntityDefinition, input: Record<string, unknown>): PlannedWrite {
    const data = withoutUndefined(input);
    if (typeof data['id'] !== 'string') {
      throw new SyncClientError('validation', 'createIfAbsent needs the id of the row');
    }
    return {
      entity,
      id: normalisedId(data['id']),
      decide: (current) => (current ? null : prepare(entity, 'create', data)),
      stamp: 'earliest',
    };
  }

  private creating(entity: SyncedEntityDefinition, input: Record<string, unknown>): PlannedWrite {
    const data = withoutUndefined(input);
    if (data['id'] === undefined)
      data['id'] = entity.identity ? idFromIdentity(entity, data) : randomUUID();
    const key = normalisedId(data['id']);
    return {
      entity,
      id: key,
      decide: (current) => {
        if (current?.deletedAt != null) {
          throw new SyncClientError('deleted', `${entity.modelName} ${key} was deleted`);
        }
        // An id that exists locally gets the given fields updated (a create would null the rest).
        return prepare(entity, current ? 'update' : 'create', data);
      },
      stamp: 'fresh',
    };
  }

  private updating(
    entity: SyncedEntityDefinition,
    id: string,
    patch: Record<string, unknown>,
  ): PlannedWrite {
    const data = withoutUndefined(patch);
    if (data['id'] !== undefined && normalisedId(data['id']) !== normalisedId(id)) {
      throw new SyncClientError('validation', 'data.id does not match the id being updated');
    }
    data['id'] = id;
    const prepared = prepare(entity, 'update', data);
    return {
      entity,
      id: prepared.data.id,
      decide: (current) => {
        if (!current)
          throw new SyncClientError(
            'not_found',
            `${entity.modelName} ${prepared.data.id} does not exist`,
          );
        if (current.deletedAt != null)
          throw new SyncClientError(
            'deleted',
            `${entity.modelName} ${prepared.data.id} was deleted`,
          );
        return prepared;
      },
      stamp: 'fresh',
    };
  }

  private deleting(entity: SyncedEntityDefinition, id: string): PlannedWrite {
    const prepared = prepare(entity, 'delete', { id });
    return {
      entity,
      id: prepared.data.id,
      // Deleting a row that is already a tombstone changes nothing and queues nothing.
      decide: (current) => (current?.deletedAt != null ? null : prepared),
      stamp: 'fresh',
    };
  }

  private async write(write: PlannedWrite): Promise<LocalWriteResult> {
    const table = this.db.rows(write.entity.modelName);
    return this.db.transaction('rw', [table, this.db.outbox, this.db.meta], async () => {
      const current = await table.get(write.id);
      const prepared = write.decide(current);
      if (!prepared) return { record: null, ...(await this.countPending()) };
      // After the row's own clocks: the clock may have been set back to the server's time.
      const hlc =
        write.stamp === 'earliest'
          ? this.earliestHlc()
          : await this.clock.tick(this.db, current?.updatedAt);
      const staged = this.stage(write, prepared, current, hlc);
      // An insert-only row written again with what it holds: nothing to store or send.
      if (!staged) return { record: current ?? null, ...(await this.countPending()) };
      await table.put(staged.record);
      await appendToOutbox(this.db.outbox, staged.entry);
      return { record: staged.record, ...(await this.countPending()) };
    });
  }

  /** The row after the write and its outbox entry; null when the row would stay as it is. */
  private stage(
    write: PlannedWrite,
    prepared: PreparedWrite,
    current: AnyRecord | undefined,
    hlc: string,
  ): StagedWrite | null {
    const { entity, id } = write;
    const outcome = applyMutation(
      current,
      { operation: prepared.operation, data: prepared.data, hlc },
      entity.fieldNames,
      {
        updateMayCreate: prepared.complete,
      },
    );
    // A tick after the row's newest clock is newer than all its fields, so the change applies.
    if (outcome.status !== 'applied') {
      throw new Error(
        `local ${prepared.operation} of ${entity.modelName} ${id} did not apply (${outcome.status})`,
      );
    }
    // The entity's whole-row rules, on the row as the server will merge it.
    const judged = judgeRowWrite(entity, current, outcome.record);
    if (judged.verdict === 'refuse') {
      throw new SyncClientError('validation', issuesMessage(judged.issues), judged.issues);
    }
    if (judged.verdict === 'unchanged') return null;
    const mutation: Mutation = {
      mutationId: randomUUID(),
      modelName: entity.modelName,
      operation: prepared.operation,
      data: prepared.data,
      hlc,
    };
    return {
      record: withTenant(outcome.record, this.db.tenantId),
      entry: { rowKey: rowKey(entity.modelName, id), mutation, complete: prepared.complete },
    };
  }

  /** Every row the writes name, as stored: one `bulkGet` per table. */
  private async readRows(
    writes: readonly PlannedWrite[],
  ): Promise<Map<string, AnyRecord | undefined>> {
    const idsByTable = new Map<string, Set<string>>();
    for (const { entity, id } of writes) {
      const ids = idsByTable.get(entity.modelName) ?? new Set<string>();
      idsByTable.set(entity.modelName, ids.add(id));
    }
    const rows = new Map<string, AnyRecord | undefined>();
    for (const [modelName, ids] of idsByTable) {
      const keys = [...ids];
      const found = await this.db.rows(modelName).bulkGet(keys);
      keys.forEach((id, index) => rows.set(rowKey(modelName, id), found[index]));
    }
    return rows;
  }

  private earliestHlc(): string {
    return formatHlc({ ms: EARLIEST_HLC_MS, counter: 0, nodeId: this.clock.nodeId });
  }

  private async countPending(): Promise<{ pendingCount: number; pendingReadSeq: number }> {
    const pendingReadSeq = this.beginPendingRead();
    return { pendingCount: await countOutbox(this.db.outbox), pendingReadSeq };
  }
}

function prepare(
  entity: SyncedEntityDefinition,
  operation: Operation,
  data: Record<string, unknown>,
): PreparedWrite {
  const result = validateMutationData(entity, operation, data);
  if (!result.ok) throw new SyncClientError('validation', result.message, result.issues);
  return { operation, data: result.data, complete: result.complete };
}

/** Ids are stored lowercase (the server normalises them so); invalid ones fail validation later. */
function normalisedId(id: unknown): string {
  return typeof id === 'string' ? id.toLowerCase() : String(id);
}

function idFromIdentity(
  entity: SyncedEntityDefinition,
  data: Record<string, unknown>,
): string | undefined {
  const rule = entity.identity;
  if (!rule || !rule.fields.every((f) => typeof data[f] === 'string')) return undefined;
  return rule.idFor(data);
}

/** `undefined` means "not given": JSON would drop it on the wire, so it must not reach validation either. */
function withoutUndefined(input: Record<string, unknown>): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SyncClientError('validation', 'data must be an object');
  }
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
