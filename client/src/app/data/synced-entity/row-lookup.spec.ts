import { rowLookup } from './row-lookup';

describe('rowLookup', () => {
  const rows = ['a', 'c', 'e', 'g'].map((id) => ({ id, name: id.toUpperCase() }));

  it('finds every row of an id-ordered list, and nothing for other ids', () => {
    const lookup = rowLookup(rows);
    for (const row of rows) expect(lookup.get(row.id)).toBe(row);
    for (const id of ['', 'b', 'd', 'f', 'h', 'A']) expect(lookup.get(id)).toBeUndefined();
    expect(rowLookup([]).get('a')).toBeUndefined();
  });

  it('finds rows of a list in any other order too', () => {
    const shuffled = [rows[2], rows[0], rows[3], rows[1]];
    const lookup = rowLookup(shuffled);
    for (const row of rows) expect(lookup.get(row.id)).toBe(row);
    expect(lookup.get('b')).toBeUndefined();
  });
});
