interface Ordered {
  id: string;
  sortOrder: number | null;
  name: string | null;
}

/** Display order of user-sortable rows; name and id break ties so every device shows the same order. */
export function bySortOrder<T extends Ordered>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (a.sortOrder ?? 0) - (b.sortOrder ?? 0) ||
      (a.name ?? '').localeCompare(b.name ?? '') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** A sort order after every existing one, for new rows. */
export function nextSortOrder(rows: readonly Ordered[]): number {
  return rows.reduce((max, row) => Math.max(max, row.sortOrder ?? 0), 0) + 10;
}
