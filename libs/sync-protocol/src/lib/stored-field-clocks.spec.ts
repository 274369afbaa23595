import fc from 'fast-check';
import { compactFieldClocks, expandFieldClocks } from './stored-field-clocks';

const FIELDS = ['name', 'amountMinor', 'date', 'memo', 'cleared'];
const H1 = '2026-12-07T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
const H2 = '2026-12-07T11:00:00.000Z-0003-bbbbbbbbbbbbbbbb';

describe('stored field clocks', () => {
  it('stores a created row (one clock on every field) as that clock once', () => {
    const clocks = Object.fromEntries(FIELDS.map((field) => [field, H1]));

    expect(compactFieldClocks(clocks, FIELDS)).toEqual({ '*': H1 });
    expect(expandFieldClocks({ '*': H1 }, FIELDS)).toEqual(clocks);
  });

  it('lists the fields an edit stamped later, and a field without a clock as null', () => {
    const clocks = { name: H1, amountMinor: H1, date: H1, memo: H2 };

    const stored = compactFieldClocks(clocks, FIELDS);

    expect(stored).toEqual({ '*': H1, memo: H2, cleared: null });
    expect(expandFieldClocks(stored, FIELDS)).toEqual(clocks);
  });

  it('leaves a tombstone (no clocks) and rows where no two fields share a clock as they are', () => {
    expect(compactFieldClocks({}, FIELDS)).toEqual({});
    expect(compactFieldClocks({ name: H1, memo: H2 }, FIELDS)).toEqual({ name: H1, memo: H2 });
    expect(expandFieldClocks({}, FIELDS)).toEqual({});
  });

  it('reads rows stored in the full form, and null, unchanged', () => {
    const full = { name: H1, amountMinor: H2 };

    expect(expandFieldClocks(full, FIELDS)).toEqual(full);
    expect(expandFieldClocks(null, FIELDS)).toEqual({});
  });

  it('keeps the clock of a name that is no longer a field', () => {
    const clocks = { name: H1, amountMinor: H1, payee: H2 };

    const stored = compactFieldClocks(clocks, ['name', 'amountMinor']);

    expect(stored).toEqual({ '*': H1, payee: H2 });
    expect(expandFieldClocks(stored, ['name', 'amountMinor'])).toEqual(clocks);
  });

  it('gives back exactly the clocks it was given, whatever they are', () => {
    const hlc = fc.constantFrom(H1, H2, '2026-12-08T00:00:00.000Z-0000-cccccccccccccccc');
    const clocksOf = fc.dictionary(fc.constantFrom(...FIELDS, 'legacy'), hlc);
    fc.assert(
      fc.property(clocksOf, (clocks) => {
        const stored = JSON.parse(JSON.stringify(compactFieldClocks(clocks, FIELDS)));
        expect(expandFieldClocks(stored, FIELDS)).toEqual(clocks);
      }),
    );
  });
});
