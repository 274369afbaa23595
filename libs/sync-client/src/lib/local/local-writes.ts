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
import { appendToOutbox, countOutbox } from '../outbox/outbox';
import { rowKey } from '../outbox/outbox-entry';
import { withTenant } from './tenant-row';

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
    const data = withoutUndefined(input);
    if (data['id'] === undefined)
      data['id'] = entity.identity ? idFromIdentity(entity, data) : randomUUID();
    const key = normalisedId(data['id']);
    return this.write(entity, key, (current) => {
      if (current?.deletedAt != null) {
        throw new SyncClientError('deleted', `${entity.modelName} ${key} was deleted`);
      }
      // An id that exists locally gets the given fields updated (a create would null the rest).
      return prepare(entity, current ? 'update' : 'create', data);
    });
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
    const data = withoutUndefined(input);
    if (typeof data['id'] !== 'string') {
      throw new SyncClientError('validation', 'createIfAbsent needs the id of the row');
    }
    const key = normalisedId(data['id']);
    return this.write(
      entity,
      key,
      (current) => (current ? null : prepare(entity, 'create', data)),
      'earliest',
    );
  }

  async update(
    entity: SyncedEntityDefinition,
    id: string,
    patch: Record<string, unknown>,
  ): Promise<LocalWriteResult> {
    const data = withoutUndefined(patch);
    if (data['id'] !== undefined && normalisedId(data['id']) !== normalisedId(id)) {
      throw new SyncClientError('validation', 'data.id does not match the id being updated');
    }
    data['id'] = id;
    const prepared = prepare(entity, 'update', data);
    return this.write(entity, prepared.data.id, (current) => {
      if (!current)
        throw new SyncClientError(
          'not_found',
          `${entity.modelName} ${prepared.data.id} does not exist`,
        );
      if (current.deletedAt != null)
        throw new SyncClientError('deleted', `${entity.modelName} ${prepared.data.id} was deleted`);
      return prepared;
    });
  }

  async delete(entity: SyncedEntityDefinition, id: string): Promise<LocalWriteResult> {
    const prepared = prepare(entity, 'delete', { id });
    // Deleting a row that is already a tombstone changes nothing and queues nothing.
    return this.write(entity, prepared.data.id, (current) =>
      current?.deletedAt != null ? null : prepared,
    );
  }

  /**
   * Several writes in one IndexedDB transaction: all are stored and queued, or none (the first
   * refusal rolls back the others). They enter the outbox together, so the leader pushes them in
   * one batch (within the batch limits) and other devices get them in one change.
   */
  async writeAll(
    writes: readonly BatchWrite[],
    onProgress?: (written: number, total: number) => void,
  ): Promise<LocalWriteResult> {
    const tables = [
      ...new Set(writes.map((write) => this.db.rows(write.entity.modelName))),
      this.db.outbox,
      this.db.meta,
    ];
    return this.db.transaction('rw', tables, async () => {
      let changed: AnyRecord | null = null;
      for (const [index, write] of writes.entries()) {
        const { record } = await this.writeOne(write);
        changed = record ?? changed;
        onProgress?.(index + 1, writes.length);
      }
      return { record: changed, ...(await this.countPending()) };
    });
  }

  private writeOne(write: BatchWrite): Promise<LocalWriteResult> {
    const { entity, data } = write;
    if (write.operation === 'create') {
      return write.ifAbsent ? this.createIfAbsent(entity, data) : this.create(entity, data);
    }
    const id = data['id'];
    if (typeof id !== 'string') {
      throw new SyncClientError('validation', `${write.operation} needs data.id`);
    }
    if (write.operation === 'update') return this.update(entity, id, data);
    return this.delete(entity, id);
  }

  private async write(
    entity: SyncedEntityDefinition,
    id: string,
    decide: (current: AnyRecord | undefined) => PreparedWrite | null,
    stamp: 'fresh' | 'earliest' = 'fresh',
  ): Promise<LocalWriteResult> {
    const table = this.db.rows(entity.modelName);
    return this.db.transaction('rw', [table, this.db.outbox, this.db.meta], async () => {
      const current = await table.get(id);
      const prepared = decide(current);
      if (!prepared) return { record: null, ...(await this.countPending()) };
      // After the row's own clocks: the clock may have been set back to the server's time.
      const hlc =
        stamp === 'earliest'
          ? formatHlc({ ms: EARLIEST_HLC_MS, counter: 0, nodeId: this.clock.nodeId })
          : await this.clock.tick(this.db, current?.updatedAt);
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
      // An insert-only row written again with what it holds: nothing to store or send.
      if (judged.verdict === 'unchanged')
        return { record: current ?? null, ...(await this.countPending()) };
      const record = withTenant(outcome.record, this.db.tenantId);
      await table.put(record);
      const mutation: Mutation = {
        mutationId: randomUUID(),
        modelName: entity.modelName,
        operation: prepared.operation,
        data: prepared.data,
        hlc,
      };
      await appendToOutbox(this.db.outbox, {
        rowKey: rowKey(entity.modelName, id),
        mutation,
        complete: prepared.complete,
      });
      return { record, ...(await this.countPending()) };
    });
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
