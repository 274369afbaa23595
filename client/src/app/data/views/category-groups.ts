import type { Category } from '@finwise/domain';
import { bySortOrder } from './sort-order';

export interface CategoryGroup {
  name: string;
  /** Every category of the group is an income category. */
  isIncome: boolean;
  categories: Category[];
}

/** Categories by their group name, groups in the order of their first category, income groups last. */
export function groupCategories(categories: readonly Category[]): CategoryGroup[] {
  const groups = new Map<string, Category[]>();
  for (const category of bySortOrder(categories)) {
    const name = category.groupName ?? '';
    const members = groups.get(name) ?? [];
    members.push(category);
    groups.set(name, members);
  }
  const result = [...groups].map(([name, members]) => ({
    name,
    isIncome: members.every((category) => category.isIncome === true),
    categories: members,
  }));
  return [
    ...result.filter((group) => !group.isIncome),
    ...result.filter((group) => group.isIncome),
  ];
}
