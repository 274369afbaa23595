import type { FieldValue, FinanceMutation } from '@finwise/finance';

/** Rows whose id is derived from their content are cleared, never deleted (FINANCE §1). */
const CLEARED_INSTEAD_OF_DELETED: Readonly<Record<string, Readonly<Record<string, FieldValue>>>> = {
  budgets: { budgetedMinor: 0 },
  budget_months: { heldMinor: 0 },
};

type RowLookup = (modelName: string, id: string) => Readonly<Record<string, unknown>> | undefined;

/**
 * The writes that put back what `mutations` change, read from the rows as they are before them:
 * the previous value of every field they write, a row they create deleted again (or cleared,
 * where a tombstone would block its id). Deletes have no inverse (a tombstone is final): they
 * are held back instead and are skipped here.
 */
export function undoMutations(
  mutations: readonly FinanceMutation[],
  rowBefore: RowLookup,
): FinanceMutation[] {
  const touched = new Map<string, { modelName: string; id: string; fields: Set<string> }>();
  for (const mutation of mutations) {
    const key = `${mutation.modelName}/${mutation.data.id}`;
    const entry = touched.get(key) ?? {
      modelName: mutation.modelName,
      id: mutation.data.id,
      fields: new Set<string>(),
    };
    if (mutation.operation === 'delete') {
      touched.delete(key);
      continue;
    }
    for (const field of Object.keys(mutation.data)) {
      if (field !== 'id') entry.fields.add(field);
    }
    touched.set(key, entry);
  }
  const undo: FinanceMutation[] = [];
  for (const { modelName, id, fields } of [...touched.values()].reverse()) {
    const before = rowBefore(modelName, id);
    if (!before) {
      const cleared = CLEARED_INSTEAD_OF_DELETED[modelName];
      undo.push(
        cleared
          ? { modelName, operation: 'update', data: { id, ...cleared } }
          : { modelName, operation: 'delete', data: { id } },
      );
      continue;
    }
    const previous: Record<string, FieldValue> = {};
    for (const field of fields) {
      previous[field] = asFieldValue(before[field]);
    }
    undo.push({ modelName, operation: 'update', data: { id, ...previous } });
  }
  return undo;
}

function asFieldValue(value: unknown): FieldValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : null;
}
