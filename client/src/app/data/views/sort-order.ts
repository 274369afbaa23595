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

export interface SortOrderChange {
  id: string;
  sortOrder: number;
}

/**
 * The writes that move a row one place up (-1) or down (+1) in a list shown in sort order.
 * Distinct neighbours just swap their orders (two writes, so two devices reordering offline
 * touch few rows); ties, which sorting cannot tell apart, renumber the list in steps of ten.
 */
export function moveInOrder(
  rowsInOrder: readonly { id: string; sortOrder: number | null }[],
  id: string,
  direction: -1 | 1,
): SortOrderChange[] {
  const from = rowsInOrder.findIndex((row) => row.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= rowsInOrder.length) {
    return [];
  }
  const moving = rowsInOrder[from];
  const neighbour = rowsInOrder[to];
  const movingOrder = moving.sortOrder ?? 0;
  const neighbourOrder = neighbour.sortOrder ?? 0;
  if (movingOrder !== neighbourOrder) {
    return [
      { id: moving.id, sortOrder: neighbourOrder },
      { id: neighbour.id, sortOrder: movingOrder },
    ];
  }
  const reordered = [...rowsInOrder];
  reordered.splice(from, 1);
  reordered.splice(to, 0, moving);
  const start = Math.min(...rowsInOrder.map((row) => row.sortOrder ?? 0));
  return renumbered(reordered, start);
}

/** Orders `start, start + 10, …` for rows in their new order, written only where they change. */
export function renumbered(
  rowsInNewOrder: readonly { id: string; sortOrder: number | null }[],
  start = 10,
): SortOrderChange[] {
  return rowsInNewOrder
    .map((row, index) => ({ id: row.id, sortOrder: start + index * 10, before: row.sortOrder }))
    .filter((change) => change.sortOrder !== change.before)
    .map(({ id, sortOrder }) => ({ id, sortOrder }));
}
