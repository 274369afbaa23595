import type { BudgetCategory } from '../core/rows';

/**
 * Display order: expense categories before income ones; within each, groups in the order of
 * their first category and categories by sortOrder, name and id. Names compare by code point,
 * not by locale, so the server and every browser list them identically.
 */
export function inDisplayOrder<C extends BudgetCategory>(categories: readonly C[]): C[] {
  const sorted = [...categories].sort(
    (a, b) =>
      (a.sortOrder ?? 0) - (b.sortOrder ?? 0) ||
      compare(a.name ?? '', b.name ?? '') ||
      compare(a.id, b.id),
  );
  const groups = new Map<string, C[]>();
  for (const category of sorted) {
    const key = `${category.isIncome === true ? 1 : 0}|${category.groupName ?? ''}`;
    const members = groups.get(key) ?? [];
    members.push(category);
    groups.set(key, members);
  }
  const ordered = [...groups.values()].flat();
  return [
    ...ordered.filter((category) => category.isIncome !== true),
    ...ordered.filter((category) => category.isIncome === true),
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
