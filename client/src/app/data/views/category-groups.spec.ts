import { categoryRow } from '../../testing/rows';
import { groupCategories } from './category-groups';
import { bySortOrder, nextSortOrder } from './sort-order';

describe('groupCategories', () => {
  it('groups by name in sort order with income groups last', () => {
    const salary = categoryRow({
      name: 'Salary',
      groupName: 'Income',
      isIncome: true,
      sortOrder: 1,
    });
    const rent = categoryRow({ name: 'Rent', groupName: 'Home', sortOrder: 5 });
    const power = categoryRow({ name: 'Power', groupName: 'Home', sortOrder: 3 });
    const food = categoryRow({ name: 'Food', groupName: 'Living', sortOrder: 4 });

    const groups = groupCategories([salary, rent, power, food]);

    expect(groups.map((group) => group.name)).toEqual(['Home', 'Living', 'Income']);
    expect(groups[0].categories.map((category) => category.name)).toEqual(['Power', 'Rent']);
    expect(groups.map((group) => group.isIncome)).toEqual([false, false, true]);
  });
});

describe('sort order helpers', () => {
  it('breaks ties by name so all devices agree', () => {
    const b = categoryRow({ name: 'B', sortOrder: 1 });
    const a = categoryRow({ name: 'A', sortOrder: 1 });
    expect(bySortOrder([b, a])).toEqual([a, b]);
  });

  it('places new rows after the last one', () => {
    expect(nextSortOrder([])).toBe(10);
    expect(nextSortOrder([categoryRow({ sortOrder: 35 }), categoryRow({ sortOrder: 5 })])).toBe(45);
  });
});
