import type { AnyRecord, Hlc, Operation } from '@finwise/sync-protocol';
import type { SyncedTable } from '../tables/synced-table';

/**
 * One pushed or REST mutation of one row as the change history keeps it (FINANCE §6), before
 * the writer and the arrival time are added: what each field it carried became.
 */
export interface RecordedMutation {
  modelName: string;
  rowId: string;
  /**
   * Position of the mutation in its batch. A batch's mutations arrive at one instant; this
   * keeps them in the order they were merged.
   */
  ordinal: number;
  /** The mutation's clock; for a REST write the one the server stamped. */
  hlc: Hlc;
  operation: Operation;
  /** Fields that took the mutation's value: field → value. */
  applied: Record<string, unknown>;
  /**
   * Applied fields of a row that existed: field → [the value replaced, that value's clock]. The
   * clock names the mutation that wrote the replaced value, which is how a reader later tells
   * whether this one was made without seeing it (see historyItems).
   */
  replaced: Record<string, [unknown, Hlc | null]> | null;
  /** Fields last-writer-wins dropped (a newer clock, or a tombstone): field → value dropped. */
  lost: Record<string, unknown> | null;
}

/** What the history needs of a merged mutation (the push path's accepted mutation has it). */
export interface MergedMutation {
  table: Pick<SyncedTable, 'modelName' | 'fieldNames'>;
  operation: Operation;
  data: { id: string } & Record<string, unknown>;
}

/**
 * What a merged mutation did to each field it carried, read off the merge's own result: a field
 * was applied iff it now carries this mutation's clock and did not before, so this never restates
 * the merge rule. `next` is the row after the mutation, undefined when it was stale.
 */
export function recordedMutation(
  mutation: MergedMutation,
  ordinal: number,
  hlc: Hlc,
  current: AnyRecord | undefined,
  next: AnyRecord | undefined,
): RecordedMutation {
  const { table, operation, data } = mutation;
  const applied: Record<string, unknown> = {};
  let replaced: RecordedMutation['replaced'] = null;
  let lost: RecordedMutation['lost'] = null;
  // A create writes every field, absent optional ones as null; a delete carries none.
  const carried =
    operation === 'delete'
      ? []
      : operation === 'create'
        ? table.fieldNames
        : Object.keys(data).filter((key) => key !== 'id');
  for (const field of carried) {
    const value = data[field] ?? null;
    const before = current?.fieldClocks[field];
    if (next !== undefined && next.fieldClocks[field] === hlc && before !== hlc) {
      applied[field] = value;
      if (current) (replaced ??= {})[field] = [current[field] ?? null, before ?? null];
    } else {
      (lost ??= {})[field] = value;
    }
  }
  return {
    modelName: table.modelName,
    rowId: data.id,
    ordinal,
    hlc,
    operation,
    applied,
    replaced,
    lost,
  };
}
