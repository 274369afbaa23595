import { categoryRow } from '../testing/rows';
import { moveCategory } from './category-order';

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
