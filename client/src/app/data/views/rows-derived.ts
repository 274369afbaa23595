import { linkedSignal, type Signal } from '@angular/core';
import { rowChanges, type RowChange } from '../sync-client/row-changes';

export interface RowsDerivation<Row, Other, Value> {
  /** The rows the value is derived from, in id order as the stores give them. */
  rows: () => readonly Row[];
  /** The other inputs; a new one (by identity) means a fresh `build`. */
  other: () => Other;
  build: (rows: readonly Row[], other: Other) => Value;
  /** The value after some rows changed, or null when only a fresh build can tell. */
  update: (previous: Value, changes: readonly RowChange<Row>[], other: Other) => Value | null;
}

/**
 * A value derived from a table's rows that follows an edit by updating the previous value
 * with the rows that changed, instead of deriving it from every row again; a change to the
 * other inputs, or to most rows (the first sync's pages), builds it afresh.
 */
export function derivedFromRows<Row extends { readonly id: string }, Other, Value>(
  derivation: RowsDerivation<Row, Other, Value>,
): Signal<Value> {
  return linkedSignal<{ rows: readonly Row[]; other: Other }, Value>({
    source: () => ({ rows: derivation.rows(), other: derivation.other() }),
    computation: ({ rows, other }, previous) => {
      if (previous && previous.source.other === other) {
        const changes = rowChanges(previous.source.rows, rows, rows.length / 2);
        const updated = changes && derivation.update(previous.value, changes, other);
        if (updated) return updated;
      }
      return derivation.build(rows, other);
    },
  }).asReadonly();
}
