import type { Category } from '@finwise/domain';
import type { CategoryGroup } from '../data/views/category-groups';
import { moveInOrder, renumbered, type SortOrderChange } from '../data/views/sort-order';

/** The writes that move a category one place up (-1) or down (+1) within its group. */
export function moveCategory(
  groupInOrder: readonly Category[],
  id: string,
  direction: -1 | 1,
): SortOrderChange[] {
  return moveInOrder(groupInOrder, id, direction);
}

/**
 * The writes that move a whole category group one place up or down. A group has no row of its
 * own: it sorts by its categories, so they are renumbered in the new group order (each keeping
 * its place inside the group). Income groups always come last and move among themselves.
 */
export function moveCategoryGroup(
  groupsInOrder: readonly CategoryGroup[],
  name: string,
  direction: -1 | 1,
): SortOrderChange[] {
  const from = groupsInOrder.findIndex((group) => group.name === name);
  const to = from + direction;
  if (
    from < 0 ||
    to < 0 ||
    to >= groupsInOrder.length ||
    groupsInOrder[from].isIncome !== groupsInOrder[to].isIncome
  ) {
    return [];
  }
  const reordered = [...groupsInOrder];
  const [moving] = reordered.splice(from, 1);
  reordered.splice(to, 0, moving);
  return renumbered(reordered.flatMap((group) => group.categories));
}

/** The writes that rename a group: every category in it gets the new group name at once. */
export function renameCategoryGroup(
  group: CategoryGroup,
  newName: string,
): { id: string; groupName: string }[] {
  const name = newName.trim();
  return group.categories
    .filter((category) => category.groupName !== name)
    .map((category) => ({ id: category.id, groupName: name }));
}
