import { intersectSorted, lowerBound, unionSorted, upperBound } from './sorted-positions';

describe('sorted positions', () => {
  it('intersects and unites ascending lists', () => {
    expect(intersectSorted([1, 3, 5, 7], [2, 3, 7, 9])).toEqual([3, 7]);
    expect(intersectSorted([], [1])).toEqual([]);
    expect(unionSorted([[5, 10], [1, 5], [], [2]], 1000)).toEqual([1, 2, 5, 10]);
    expect(unionSorted([[10, 200]], 1000)).toEqual([10, 200]);
    expect(unionSorted([], 1000)).toEqual([]);
  });

  it('unites many positions by marking them, with the same result', () => {
    expect(unionSorted([[0, 2, 4], [1, 2, 5], [5]], 6)).toEqual([0, 1, 2, 4, 5]);
  });

  it('finds the bounds of a value in an ascending list', () => {
    const dates = ['2026-01-01', '2026-01-03', '2026-01-03', '2026-01-05'];
    expect(lowerBound(dates, '2026-01-03')).toBe(1);
    expect(upperBound(dates, '2026-01-03')).toBe(3);
    expect(lowerBound(dates, '2026-01-06')).toBe(4);
    expect(upperBound(dates, '2025-12-31')).toBe(0);
  });
});
