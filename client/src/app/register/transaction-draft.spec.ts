import { effectiveRows, indexLiveAccounts } from '@finwise/finance';
import { sideOf } from '../data/views/transaction-side';
import { changedFields } from '../forms/changed-fields';
import { accountRow, transactionRow } from '../testing/rows';
import { amountWrite, signedOtherAmount, targetFields, targetOf } from './transaction-draft';

describe('transaction drafts', () => {
  const euros = accountRow({ currency: 'EUR' });
  const moreEuros = accountRow({ currency: 'EUR' });
  const dollars = accountRow({ currency: 'USD' });
  const accounts = indexLiveAccounts([euros, moreEuros, dollars]);
  const side = (row: ReturnType<typeof transactionRow>, accountId: string) =>
    sideOf(effectiveRows([row])[0], accountId, accounts);

  it('turns the target choice into category or transfer', () => {
    expect(targetFields('cat-1')).toEqual({ categoryId: 'cat-1', transferAccountId: null });
    expect(targetFields('transfer:acc-2')).toEqual({
      categoryId: null,
      transferAccountId: 'acc-2',
    });
    expect(targetFields('')).toEqual({ categoryId: null, transferAccountId: null });
  });

  it('reads the target back from a row', () => {
    expect(
      targetOf(transactionRow({ accountId: 'a', transferAccountId: 'b', categoryId: 'c' })),
    ).toBe('transfer:b');
    expect(targetOf(transactionRow({ accountId: 'a', categoryId: 'c' }))).toBe('c');
    expect(targetOf(transactionRow({ accountId: 'a' }))).toBe('');
  });

  it('sends only what changed, so a concurrent edit of another field survives the merge', () => {
    const row = transactionRow({ accountId: 'a', payeeId: 'p', amountMinor: -500 });
    expect(changedFields(row, { payeeId: 'p', amountMinor: -700, notes: null })).toEqual({
      amountMinor: -700,
    });
  });

  it('writes the far side of a same-currency transfer negated, with one amount', () => {
    const transfer = transactionRow({
      accountId: euros.id,
      transferAccountId: moreEuros.id,
      amountMinor: -500,
      transferAmountMinor: 123,
    });
    expect(
      amountWrite(
        side(transfer, moreEuros.id),
        { amountMinor: 700, otherAmountMinor: null },
        null,
        true,
      ),
    ).toEqual({ amountMinor: -700, transferAmountMinor: null, transferCleared: true });
    expect(
      amountWrite(
        side(transfer, euros.id),
        { amountMinor: -700, otherAmountMinor: null },
        moreEuros.id,
      ),
    ).toEqual({ amountMinor: -700, transferAmountMinor: null });
  });

  it('writes both amounts of a transfer between currencies, from either side', () => {
    const transfer = transactionRow({
      accountId: euros.id,
      transferAccountId: dollars.id,
      amountMinor: -10_000,
      transferAmountMinor: 10_800,
    });
    expect(
      amountWrite(
        side(transfer, euros.id),
        { amountMinor: -20_000, otherAmountMinor: 21_500 },
        dollars.id,
      ),
    ).toEqual({ amountMinor: -20_000, transferAmountMinor: 21_500 });
    expect(
      amountWrite(
        side(transfer, dollars.id),
        { amountMinor: 21_500, otherAmountMinor: -20_000 },
        null,
      ),
    ).toEqual({ amountMinor: -20_000, transferAmountMinor: 21_500 });
  });

  it('clears the transfer-only fields when a row stops being a transfer', () => {
    expect(amountWrite(null, { amountMinor: 0, otherAmountMinor: null }, null, false)).toEqual({
      amountMinor: 0,
      transferAmountMinor: null,
      transferCleared: null,
      transferReconciled: null,
      transferImportedId: null,
      cleared: false,
    });
  });

  it('reads an unsigned other amount as flowing the other way', () => {
    expect(signedOtherAmount('150', 15_000, -10_000)).toBe(15_000);
    expect(signedOtherAmount('150', 15_000, 10_000)).toBe(-15_000);
    expect(signedOtherAmount('-150', -15_000, -10_000)).toBe(-15_000);
    expect(signedOtherAmount('+150', 15_000, 10_000)).toBe(15_000);
    expect(signedOtherAmount('150', 15_000, 0)).toBe(15_000);
  });
});
