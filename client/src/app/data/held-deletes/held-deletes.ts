import { computed, Injectable, signal } from '@angular/core';

/** A row named by its entity and id. */
export interface RowRef {
  readonly modelName: string;
  readonly id: string;
}

const keyOf = (row: RowRef) => `${row.modelName}/${row.id}`;

/**
 * Rows whose delete waits on this device for its Undo: the stores leave them out, so every view
 * (lists, balances, the budget) reads as if they were gone while nothing has been written yet.
 */
@Injectable({ providedIn: 'root' })
export class HeldDeletes {
  private readonly keys = signal<ReadonlySet<string>>(new Set());

  /** Ids held back per entity; changes whenever a hold starts or ends. */
  readonly byModel = computed(() => {
    const byModel = new Map<string, Set<string>>();
    for (const key of this.keys()) {
      const slash = key.indexOf('/');
      const modelName = key.slice(0, slash);
      const ids = byModel.get(modelName) ?? new Set<string>();
      ids.add(key.slice(slash + 1));
      byModel.set(modelName, ids);
    }
    return byModel as ReadonlyMap<string, ReadonlySet<string>>;
  });

  hold(rows: readonly RowRef[]): void {
    this.keys.update((keys) => new Set([...keys, ...rows.map(keyOf)]));
  }

  release(rows: readonly RowRef[]): void {
    const released = new Set(rows.map(keyOf));
    this.keys.update((keys) => new Set([...keys].filter((key) => !released.has(key))));
  }
}
