import type { Category } from '@finwise/domain';

export interface SortOrderChange {
  id: string;
  sortOrder: number;
}

/**
 * The writes that move a category one place up (-1) or down (+1) within its group. Distinct
 * neighbours just swap their orders (two writes, so two devices reordering offline touch few
 * rows); ties, which sorting cannot tell apart, renumber the group in steps of ten.
 */
export function moveCategory(
  groupInOrder: readonly Category[],
  id: string,
  direction: -1 | 1,
): SortOrderChange[] {
  const from = groupInOrder.findIndex((category) => category.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= groupInOrder.length) {
    return [];
  }
  const moving = groupInOrder[from];
  const neighbour = groupInOrder[to];
  const movingOrder = moving.sortOrder ?? 0;
  const neighbourOrder = neighbour.sortOrder ?? 0;
  if (movingOrder !== neighbourOrder) {
    return [
      { id: moving.id, sortOrder: neighbourOrder },
      { id: neighbour.id, sortOrder: movingOrder },
    ];
  }
  const reordered = [...groupInOrder];
  reordered.splice(from, 1);
  reordered.splice(to, 0, moving);
  const start = Math.min(...groupInOrder.map((category) => category.sortOrder ?? 0));
  return reordered
    .map((category, index) => ({
      id: category.id,
      sortOrder: start + index * 10,
      before: category.sortOrder,
    }))
    .filter((change) => change.sortOrder !== change.before)
    .map(({ id: changedId, sortOrder }) => ({ id: changedId, sortOrder }));
}
