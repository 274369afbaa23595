import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips every feed position', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (seq) => decodeCursor(encodeCursor(seq)) === seq,
      ),
    );
  });

  it.each(['', 'c', '12', 'c-1', 'cZZ', 'c00', 'c1.5', 'c' + 'z'.repeat(12), 'C1', ' c1'])(
    'rejects malformed cursor %j',
    (cursor) => {
      expect(decodeCursor(cursor)).toBeNull();
    },
  );

  it('rejects non-strings and bad positions', () => {
    expect(decodeCursor(42 as unknown as string)).toBeNull();
    expect(() => encodeCursor(-1)).toThrow(RangeError);
    expect(() => encodeCursor(1.5)).toThrow(RangeError);
    expect(decodeCursor(encodeCursor(0))).toBe(0);
  });
});
