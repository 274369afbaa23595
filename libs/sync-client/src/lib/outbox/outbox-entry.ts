import type { Mutation } from '@finwise/sync-protocol';
import type { Table } from 'dexie';

/** One queued local change. `seq` (auto-increment) is the order the server must see them in. */
export interface OutboxEntry {
  seq?: number;
  /** `<modelName>/<id>`: finds a row's other pending mutations for a rollback. */
  rowKey: string;
  mutation: Mutation;
  /** The data is a full row, so an update of an unknown id may create it (as on the server). */
  complete: boolean;
  /** How often the server refused the HLC as too far ahead and the mutation was re-stamped. */
  restamps?: number;
}

export type OutboxTable = Table<OutboxEntry, number>;

/** Dexie indexes of the outbox table: the sending order and the lookup by row. */
export const OUTBOX_INDEXES = '++seq, rowKey';

export function rowKey(modelName: string, id: string): string {
  return `${modelName}/${id}`;
}
