import { transactionRow } from '../testing/rows';
import { newSplitLine, parentToSum } from './split-lines';

describe('split lines', () => {
  const parent = transactionRow({
    accountId: '00000000-0000-4000-8000-0000000000a1',
    date: '2026-01-10',
    amountMinor: -10_000,
    cleared: true,
    reconciled: true,
  });

  it("holds a line's own fields, and the parent's account and date only because every row must", () => {
    expect(
      newSplitLine(parent, 'line-1', {
        amountMinor: -4_000,
        categoryId: 'food',
        payeeId: null,
        notes: 'Fruit',
      }),
    ).toEqual({
      id: 'line-1',
      parentId: parent.id,
      accountId: parent.accountId,
      date: '2026-01-10',
      cleared: false,
      reconciled: false,
      amountMinor: -4_000,
      categoryId: 'food',
      payeeId: null,
      notes: 'Fruit',
    });
  });

  it('sums the lines for "set total to sum", never as negative zero', () => {
    const line = (amountMinor: number) => transactionRow({ accountId: 'a', amountMinor });
    expect(parentToSum([line(-4_000), line(-2_500)])).toEqual({ amountMinor: -6_500 });
    expect(Object.is(parentToSum([line(-0)]).amountMinor, 0)).toBe(true);
  });
});
