import { groupCategories } from '../data/views/category-groups';
import { categoryRow } from '../testing/rows';
import { moveCategory, moveCategoryGroup, renameCategoryGroup } from './category-order';

describe('moveCategory', () => {
  const a = categoryRow({ name: 'A', sortOrder: 10 });
  const b = categoryRow({ name: 'B', sortOrder: 20 });
  const c = categoryRow({ name: 'C', sortOrder: 30 });

  it('swaps the orders of distinct neighbours', () => {
    expect(moveCategory([a, b, c], c.id, -1)).toEqual([
      { id: c.id, sortOrder: 20 },
      { id: b.id, sortOrder: 30 },
    ]);
    expect(moveCategory([a, b, c], a.id, 1)).toEqual([
      { id: a.id, sortOrder: 20 },
      { id: b.id, sortOrder: 10 },
    ]);
  });

  it('does nothing past either end', () => {
    expect(moveCategory([a, b, c], a.id, -1)).toEqual([]);
    expect(moveCategory([a, b, c], c.id, 1)).toEqual([]);
    expect(moveCategory([a, b, c], 'missing', 1)).toEqual([]);
  });

  it('renumbers the group when neighbours tie', () => {
    const x = categoryRow({ name: 'X', sortOrder: 5 });
    const y = categoryRow({ name: 'Y', sortOrder: 5 });
    const z = categoryRow({ name: 'Z', sortOrder: 5 });
    expect(moveCategory([x, y, z], z.id, -1)).toEqual([
      { id: z.id, sortOrder: 15 },
      { id: y.id, sortOrder: 25 },
    ]);
  });
});

describe('category group order and names', () => {
  const food = categoryRow({ name: 'Food', groupName: 'Living', sortOrder: 10 });
  const fun = categoryRow({ name: 'Fun', groupName: 'Living', sortOrder: 40 });
  const rent = categoryRow({ name: 'Rent', groupName: 'Home', sortOrder: 20 });
  const power = categoryRow({ name: 'Power', groupName: 'Home', sortOrder: 30 });
  const salary = categoryRow({ name: 'Salary', groupName: 'Income', isIncome: true, sortOrder: 5 });
  const groups = groupCategories([food, fun, rent, power, salary]);

  it('moves a group above its neighbour, keeping the order inside each group', () => {
    expect(groups.map((group) => group.name)).toEqual(['Living', 'Home', 'Income']);
    const changes = moveCategoryGroup(groups, 'Home', -1);
    const moved = groupCategories(
      [food, fun, rent, power, salary].map((category) => ({
        ...category,
        sortOrder:
          changes.find((change) => change.id === category.id)?.sortOrder ?? category.sortOrder,
      })),
    );
    expect(moved.map((group) => group.name)).toEqual(['Home', 'Living', 'Income']);
    expect(moved[0].categories.map((category) => category.name)).toEqual(['Rent', 'Power']);
    expect(moved[1].categories.map((category) => category.name)).toEqual(['Food', 'Fun']);
  });

  it('keeps income groups last and does nothing past either end', () => {
    expect(moveCategoryGroup(groups, 'Home', 1)).toEqual([]);
    expect(moveCategoryGroup(groups, 'Income', -1)).toEqual([]);
    expect(moveCategoryGroup(groups, 'Living', -1)).toEqual([]);
    expect(moveCategoryGroup(groups, 'Nope', 1)).toEqual([]);
  });

  it('renames every category of a group in one go', () => {
    expect(renameCategoryGroup(groups[0], ' Daily life ')).toEqual([
      { id: food.id, groupName: 'Daily life' },
      { id: fun.id, groupName: 'Daily life' },
    ]);
    expect(renameCategoryGroup(groups[0], 'Living')).toEqual([]);
  });
});
