import { columnMapping, columnPositions } from './column-refs';

describe('column references', () => {
  const names = ['Datum', 'Empfänger', 'Betrag', 'Betrag'];

  it('finds mapped columns by name (any case) or position, and drops what the file lacks', () => {
    expect(columnPositions({ date: 'datum', amount: 2, payee: 'Kunde' }, names)).toEqual({
      date: 0,
      amount: 2,
    });
    expect(columnPositions(undefined, names)).toEqual({});
  });

  it('hands on a mapping only once the date and an amount are chosen', () => {
    expect(columnMapping({ date: 0 }, names, true)).toBeNull();
    expect(columnMapping({ amount: 2 }, names, true)).toBeNull();
    expect(columnMapping({ date: 0, amount: 2, inflow: 3 }, names, true)).toBeNull();
    expect(columnMapping({ date: 0, outflow: 3 }, names, true)).toEqual({
      date: 'Datum',
      outflow: 3,
    });
  });

  it('names columns by header where the name is unique, by position otherwise', () => {
    expect(columnMapping({ date: 0, amount: 2, payee: 1 }, names, true)).toEqual({
      date: 'Datum',
      amount: 2,
      payee: 'Empfänger',
    });
    expect(
      columnMapping({ date: 0, amount: 2 }, ['Column 1', 'Column 2', 'Column 3'], false),
    ).toEqual({ date: 0, amount: 2 });
  });
});
