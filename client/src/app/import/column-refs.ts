import type { ColumnMapping, ColumnRef } from '@finwise/import';

export const COLUMN_ROLES = [
  'date',
  'amount',
  'inflow',
  'outflow',
  'payee',
  'notes',
  'id',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** A mapping as positions in the file's columns (what the form's selects hold). */
export type ColumnPositions = Partial<Record<ColumnRole, number>>;

/** Where each mapped column is among `names`; a name not in the file is left unmapped. */
export function columnPositions(
  mapping: ColumnMapping | undefined,
  names: readonly string[],
): ColumnPositions {
  const positions: ColumnPositions = {};
  for (const role of COLUMN_ROLES) {
    const index = positionOf(mapping?.[role], names);
    if (index !== undefined) positions[role] = index;
  }
  return positions;
}

function positionOf(ref: ColumnRef | undefined, names: readonly string[]): number | undefined {
  if (typeof ref === 'number') return ref < names.length ? ref : undefined;
  if (ref === undefined) return undefined;
  const index = names.findIndex((name) => name.toLowerCase() === ref.trim().toLowerCase());
  return index >= 0 ? index : undefined;
}

/**
 * The mapping the options take, once it names a date and an amount (or inflow and outflow):
 * header names where they are unique, so a bank that reorders its columns still reads right;
 * positions for files without a header row or with repeated names.
 */
export function columnMapping(
  positions: ColumnPositions,
  names: readonly string[],
  hasHeader: boolean,
): ColumnMapping | null {
  const splitAmount = positions.inflow !== undefined || positions.outflow !== undefined;
  if (positions.date === undefined || (positions.amount === undefined) === !splitAmount) {
    return null;
  }
  const ref = (index: number): ColumnRef => {
    const name = names[index] ?? '';
    const unique = names.filter((other) => other.toLowerCase() === name.toLowerCase()).length === 1;
    return hasHeader && unique && name !== '' ? name : index;
  };
  const mapping: Partial<Record<ColumnRole, ColumnRef>> = {};
  for (const role of COLUMN_ROLES) {
    const index = positions[role];
    if (index !== undefined) mapping[role] = ref(index);
  }
  return mapping as ColumnMapping;
}
