import { sideOf } from '../data/views/transaction-side';
import { changedFields } from '../forms/changed-fields';
import { transactionRow } from '../testing/rows';
import { draftFields, sideWrite, targetOf } from './transaction-draft';

describe('transaction drafts', () => {
  it('turns the target choice into category or transfer', () => {
    const base = {
      date: '2026-01-02',
      payee: ' Bakery ',
      amount: '1',
      notes: '  ',
      cleared: false,
    };
    expect(draftFields({ ...base, target: 'cat-1' })).toEqual({
      date: '2026-01-02',
      payee: 'Bakery',
      categoryId: 'cat-1',
      transferAccountId: null,
      notes: null,
    });
    expect(draftFields({ ...base, target: 'transfer:acc-2' })).toMatchObject({
      categoryId: null,
      transferAccountId: 'acc-2',
    });
    expect(draftFields({ ...base, target: '' })).toMatchObject({
      categoryId: null,
      transferAccountId: null,
    });
  });

  it('reads the target back from a row', () => {
    expect(
      targetOf(transactionRow({ accountId: 'a', transferAccountId: 'b', categoryId: 'c' })),
    ).toBe('transfer:b');
    expect(targetOf(transactionRow({ accountId: 'a', categoryId: 'c' }))).toBe('c');
    expect(targetOf(transactionRow({ accountId: 'a' }))).toBe('');
  });

  it('sends only what changed, so a concurrent edit of another field survives the merge', () => {
    const row = transactionRow({ accountId: 'a', payee: 'Bakery', amountMinor: -500 });
    expect(changedFields(row, { payee: 'Bakery', amountMinor: -700, notes: null })).toEqual({
      amountMinor: -700,
    });
    expect(changedFields(row, { payee: 'Bakery', amountMinor: -500 })).toEqual({});
  });

  it('writes the other side of a transfer negated and into its own cleared flag', () => {
    const transfer = transactionRow({ accountId: 'a', transferAccountId: 'b', amountMinor: -500 });
    expect(sideWrite(sideOf(transfer, 'b'), 700, true)).toEqual({
      amountMinor: -700,
      transferCleared: true,
    });
    expect(sideWrite(sideOf(transfer, 'a'), -700, true)).toEqual({
      amountMinor: -700,
      cleared: true,
    });
    expect(sideWrite(null, 0, false)).toEqual({ amountMinor: 0, cleared: false });
    expect(sideWrite(sideOf(transfer, 'b'), 700)).toEqual({ amountMinor: -700 });
  });
});
