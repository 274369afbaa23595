import type { RowHistory } from '@finwise/sync-protocol';

/**
 * `cleared` as it was before an import matched the row: the newest recorded change that set
 * `importedId` to the bank id also wrote `cleared` (the match does), and its `previous` is the
 * value the user had. Undefined when the history does not tell (trimmed, or a change that did
 * not replace a value).
 */
export function clearedBeforeMatch(history: RowHistory, importedId: string): boolean | undefined {
  for (const entry of history.items) {
    const setsId = entry.fields.some(
      (field) =>
        field.field === 'importedId' && field.outcome === 'applied' && field.value === importedId,
    );
    if (!setsId) continue;
    const cleared = entry.fields.find(
      (field) => field.field === 'cleared' && field.outcome === 'applied',
    );
    return typeof cleared?.previous === 'boolean' ? cleared.previous : undefined;
  }
  return undefined;
}
