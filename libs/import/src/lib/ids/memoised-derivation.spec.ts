import { memoisedDerivation } from './memoised-derivation';

describe('memoisedDerivation', () => {
  const counting = () => {
    const calls: string[] = [];
    const derive = (name: string) => {
      calls.push(name);
      return `id(${name})`;
    };
    return { calls, derive };
  };

  it('derives each name once and answers repeats from memory', () => {
    const { calls, derive } = counting();
    const memoised = memoisedDerivation(derive, 10);
    expect([memoised('a'), memoised('b'), memoised('a'), memoised('b')]).toEqual([
      'id(a)',
      'id(b)',
      'id(a)',
      'id(b)',
    ]);
    expect(calls).toEqual(['a', 'b']);
  });

  it('forgets everything once the limit is reached, and still answers right', () => {
    const { calls, derive } = counting();
    const memoised = memoisedDerivation(derive, 2);
    memoised('a');
    memoised('b');
    // The third name starts the memory over: only 'c' is remembered afterwards.
    expect(memoised('c')).toBe('id(c)');
    expect(memoised('c')).toBe('id(c)');
    expect(memoised('a')).toBe('id(a)');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
