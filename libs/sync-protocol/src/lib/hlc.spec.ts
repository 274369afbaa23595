import fc from 'fast-check';
import { checkHlc, compareHlc, formatHlc, HybridLogicalClock, parseHlc, randomNodeId } from './hlc';

const NODE = '9f1c2a7b3d4e5f60';

describe('HLC format', () => {
  it('formats and parses the documented layout', () => {
    const hlc = formatHlc({ ms: Date.UTC(2026, 10, 25, 16, 40), counter: 0, nodeId: NODE });
    expect(hlc).toBe('2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60');
    expect(parseHlc(hlc)).toEqual({ ms: Date.UTC(2026, 10, 25, 16, 40), counter: 0, nodeId: NODE });
  });

  it.each([
    ['not a string', 42],
    ['uppercase hex', '2026-11-25T16:40:00.000Z-000A-9f1c2a7b3d4e5f60'],
    ['short node id', '2026-11-25T16:40:00.000Z-0000-9f1c'],
    ['impossible date', '2026-02-30T00:00:00.000Z-0000-9f1c2a7b3d4e5f60'],
    ['hour 24', '2026-01-01T24:00:00.000Z-0000-9f1c2a7b3d4e5f60'],
    ['missing millis', '2026-01-01T00:00:00Z-0000-9f1c2a7b3d4e5f60'],
    ['offset instead of Z', '2026-01-01T00:00:00.000+01:00-0000-9f1c2a7b3d4e5f60'],
  ])('rejects %s', (_label, value) => {
    expect(parseHlc(value)).toBeNull();
  });

  it('orders lexicographically exactly as by (time, counter, node)', () => {
    const parts = fc.record({
      ms: fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) }),
      counter: fc.integer({ min: 0, max: 0xffff }),
      nodeId: fc.stringMatching(/^[0-9a-f]{16}$/),
    });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const byParts =
          a.ms !== b.ms
            ? a.ms - b.ms
            : a.counter !== b.counter
              ? a.counter - b.counter
              : a.nodeId < b.nodeId
                ? -1
                : a.nodeId > b.nodeId
                  ? 1
                  : 0;
        return Math.sign(compareHlc(formatHlc(a), formatHlc(b))) === Math.sign(byParts);
      }),
    );
  });

  it('checks skew against the receiver clock', () => {
    const now = Date.UTC(2026, 10, 25, 12);
    const at = (ms: number) => formatHlc({ ms, counter: 0, nodeId: NODE });
    expect(checkHlc(at(now + 4 * 60_000), now, 5 * 60_000)).toBeNull();
    expect(checkHlc(at(now + 6 * 60_000), now, 5 * 60_000)).toBe('clock_skew');
    expect(checkHlc(at(Date.UTC(1999, 0, 1)), now, 5 * 60_000)).toBe('too_old');
    expect(checkHlc('nonsense', now, 5 * 60_000)).toBe('malformed');
  });
});

describe('HybridLogicalClock', () => {
  it('issues strictly increasing timestamps even when the wall clock stands still or goes back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 300 }), (steps) => {
        let wall = Date.UTC(2026, 0, 1);
        const clock = new HybridLogicalClock(NODE, () => wall);
        let previous = clock.tick();
        for (const step of steps) {
          wall += step;
          const next = clock.tick();
          if (compareHlc(next, previous) <= 0) return false;
          previous = next;
        }
        return true;
      }),
    );
  });

  it('orders local events after every observed remote timestamp', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 0xffff })),
          {
            maxLength: 50,
          },
        ),
        (remotes) => {
          const wall = Date.UTC(2026, 0, 1);
          const clock = new HybridLogicalClock(NODE, () => wall);
          for (const [offset, counter] of remotes) {
            const remote = formatHlc({ ms: wall + offset, counter, nodeId: randomNodeId() });
            clock.observe(remote);
            if (compareHlc(clock.tick(), remote) <= 0) return false;
          }
          return true;
        },
      ),
    );
  });

  it('never wraps the counter: it borrows a millisecond', () => {
    const wall = Date.UTC(2026, 0, 1);
    const clock = new HybridLogicalClock(NODE, () => wall, { ms: wall, counter: 0xfffe });
    const a = clock.tick();
    const b = clock.tick();
    expect(parseHlc(a)).toMatchObject({ ms: wall, counter: 0xffff });
    expect(parseHlc(b)).toMatchObject({ ms: wall + 1, counter: 0 });
    expect(compareHlc(b, a)).toBe(1);
  });

  it('resumes from persisted state without going backwards', () => {
    let wall = Date.UTC(2026, 0, 1, 0, 0, 10);
    const first = new HybridLogicalClock(NODE, () => wall);
    const last = first.tick();
    wall -= 5000; // device clock moved back between runs
    const second = new HybridLogicalClock(NODE, () => wall, first.state);
    expect(compareHlc(second.tick(), last)).toBe(1);
  });

  it('tickAfter exceeds the given floor', () => {
    const wall = Date.UTC(2026, 0, 1);
    const clock = new HybridLogicalClock(NODE, () => wall);
    const floor = formatHlc({ ms: wall + 60_000, counter: 7, nodeId: 'ffffffffffffffff' });
    expect(compareHlc(clock.tickAfter(floor), floor)).toBe(1);
  });

  it('makes 16-hex node ids', () => {
    expect(randomNodeId()).toMatch(/^[0-9a-f]{16}$/);
    expect(() => new HybridLogicalClock('XYZ')).toThrow(RangeError);
  });
});
