import { nestsDeeperThan } from './json-depth';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
};

describe('nestsDeeperThan', () => {
  it('counts arrays and objects as levels, scalars as none', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ mutations: [{ data: { id: 'x' } }] }, 4)).toBe(false);
    expect(nestsDeeperThan({ mutations: [{ data: { id: 'x' } }] }, 3)).toBe(true);
  });

  it('finds the deepest branch, not only the first', () => {
    expect(nestsDeeperThan({ a: 1, b: [2, [3, [4]]], c: {} }, 3)).toBe(true);
    expect(nestsDeeperThan({ a: 1, b: [2, [3, [4]]], c: {} }, 4)).toBe(false);
  });

  it('measures 150,000 levels without overflowing the stack', () => {
    const deep = nested(150_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(nestsDeeperThan(deep, 32)).toBe(true);
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
  });
});
