import type { ColumnMapping, ColumnRef } from '../model/import-options';
import { ImportFileError } from '../model/statement';
import { isComplete, mapHeader, type ColumnRole } from './header-names';

export type ColumnIndexes = Partial<Record<ColumnRole, number>>;

/** Column names as the preview lists them: header cells, or `Column 1`… without a header row. */
export function columnNames(header: readonly string[] | undefined, width: number): string[] {
  return Array.from({ length: Math.max(width, header?.length ?? 0) }, (_, index) => {
    const name = header?.[index]?.trim() ?? '';
    return name === '' ? `Column ${index + 1}` : name;
  });
}

/**
 * The columns to read: the user's mapping when given (every column it names must exist), else
 * the one the header names give, else `undefined` (the user must map).
 */
export function resolveColumns(
  names: readonly string[],
  hasHeader: boolean,
  mapping: ColumnMapping | undefined,
): ColumnIndexes | undefined {
  if (mapping !== undefined) {
    const indexes: ColumnIndexes = {};
    for (const [role, ref] of Object.entries(mapping) as [ColumnRole, ColumnRef | undefined][]) {
      if (ref !== undefined) indexes[role] = indexOf(ref, names);
    }
    return indexes;
  }
  if (!hasHeader) return undefined;
  const found = mapHeader(names);
  return isComplete(found) ? found : undefined;
}

function indexOf(ref: ColumnRef, names: readonly string[]): number {
  if (typeof ref === 'number') {
    if (ref < names.length) return ref;
    throw new ImportFileError(
      `Column ${ref + 1} is not in the file: it has ${names.length} column${names.length === 1 ? '' : 's'}`,
    );
  }
  const wanted = ref.trim().toLowerCase();
  const index = names.findIndex((name) => name.toLowerCase() === wanted);
  if (index >= 0) return index;
  throw new ImportFileError(`The column "${ref}" is not in the file`);
}

/** The mapping in the options' terms: header names where they are unique, else positions. */
export function toColumnMapping(indexes: ColumnIndexes, names: readonly string[]): ColumnMapping {
  const ref = (index: number): ColumnRef =>
    names.filter((name) => name === names[index]).length === 1 && !/^Column \d+$/.test(names[index])
      ? names[index]
      : index;
  const mapping: Record<string, ColumnRef> = {};
  for (const [role, index] of Object.entries(indexes) as [ColumnRole, number | undefined][]) {
    if (index !== undefined) mapping[role] = ref(index);
  }
  return mapping as ColumnMapping;
}
