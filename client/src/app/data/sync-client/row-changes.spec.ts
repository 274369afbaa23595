import { recordRowChanges, rowChanges } from './row-changes';

interface Row {
  id: string;
  value: number;
}

const row = (id: string, value = 0): Row => ({ id, value });
const ids = (count: number) =>
  Array.from({ length: count }, (_, index) => `r${String(index).padStart(4, '0')}`);

describe('rowChanges', () => {
  it('finds added, removed and replaced rows between two id-ordered lists', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => row(id));
    const changedC = row('c', 1);
    const e = row('e');

    const changes = rowChanges([a, b, c, d], [a, changedC, d, e]);

    expect(changes).toEqual([
      { before: b, after: undefined },
      { before: c, after: changedC },
      { before: undefined, after: e },
    ]);
  });

  it('sees no change where the rows are the same objects, even in new arrays', () => {
    const rows = ids(100).map((id) => row(id));
    expect(rowChanges(rows, rows.slice())).toEqual([]);
  });

  it('rebuilds the next list from the previous one in random rounds', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const universe = ids(300);
    let previous = universe.filter(() => random() < 0.5).map((id) => row(id));
    for (let round = 0; round < 50; round += 1) {
      const byId = new Map(previous.map((item) => [item.id, item]));
      for (const id of universe) {
        const roll = random();
        if (roll < 0.03) byId.delete(id);
        else if (roll < 0.06) byId.set(id, row(id, round));
      }
      const next = [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : 1));

      const changes = rowChanges(previous, next);

      const rebuilt = new Map(previous.map((item) => [item.id, item]));
      for (const { before, after } of changes ?? []) {
        if (after) rebuilt.set(after.id, after);
        else if (before) rebuilt.delete(before.id);
      }
      expect([...rebuilt.values()].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(next);
      for (const { before, after } of changes ?? []) expect(before).not.toBe(after);
      previous = next;
    }
  });

  it('refuses lists whose differing stretch is out of id order, rather than pairing the wrong rows', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => row(id));
    expect(rowChanges([a, b, c], [a, c, b])).toBeNull();
    expect(rowChanges([c, b, a], [row('b', 1), c])).toBeNull();
  });

  it('is right or refuses, never wrong, on lists in no particular order', () => {
    let seed = 3;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round += 1) {
      const previous = ids(20)
        .filter(() => random() < 0.7)
        .sort(() => random() - 0.5)
        .map((id) => row(id));
      const next = previous
        .filter(() => random() > 0.1)
        .map((item) => (random() < 0.1 ? row(item.id, 1) : item));
      if (random() < 0.5) next.splice(Math.floor(random() * next.length), 0, row('r9999'));

      const changes = rowChanges(previous, next);
      if (changes === null) continue;

      const rebuilt = new Map(previous.map((item) => [item.id, item]));
      for (const { before, after } of changes) {
        if (after) rebuilt.set(after.id, after);
        else if (before) rebuilt.delete(before.id);
      }
      const sorted = (rows: Iterable<Row>) => [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(sorted(rebuilt.values())).toEqual(sorted(next));
    }
  });

  it('gives up past the limit', () => {
    const before = ids(10).map((id) => row(id));
    const after = before.map((item) => row(item.id, 1));
    expect(rowChanges(before, after, 5)).toBeNull();
    expect(rowChanges(before, after, 10)).toHaveLength(10);
  });

  it('gives the changes the sync client reported for a list, without looking, and only for its predecessor', () => {
    const [a, b] = ['a', 'b'].map((id) => row(id));
    const changedB = row('b', 1);
    const previous = [a, b];
    const next = [a, changedB];
    const reported = [{ before: b, after: changedB }];
    recordRowChanges(previous, next, reported);

    expect(rowChanges(previous, next)).toBe(reported);
    expect(rowChanges(previous, next, 0)).toBeNull();
    // From another list the changes are found by walking both.
    expect(rowChanges([a], next)).toEqual([{ before: undefined, after: changedB }]);
  });
});
