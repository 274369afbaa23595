import { account, row } from '../../testing/fixtures';
import { contributions } from './contributions';

const checking = account('checking');
const savings = account('savings');
const dollars = account('dollars', { currency: 'USD' });
const brokerage = account('brokerage', { onBudget: false });
const closedCard = account('closed card', { closed: true });
const deleted = account('deleted', { deletedAt: 'gone' });

function byAccount(
  rows: Parameters<typeof contributions>[0],
  accounts = [checking, savings, dollars, brokerage, closedCard, deleted],
) {
  return contributions(rows, accounts).map((side) => [side.accountId, side.side, side.amountMinor]);
}

describe('contributions', () => {
  it('adds a plain row to its account', () => {
    expect(
      byAccount([row({ accountId: checking.id, date: '2026-01-01', amountMinor: -2500 })]),
    ).toEqual([[checking.id, 'own', -2500]]);
  });

  it('adds the negated amount to the other account of a same-currency transfer, whatever transferAmountMinor says', () => {
    const transfer = row({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: -50000,
      transferAccountId: savings.id,
      transferAmountMinor: 99999,
    });
    expect(byAccount([transfer])).toEqual([
      [checking.id, 'own', -50000],
      [savings.id, 'transfer', 50000],
    ]);
  });

  it('uses transferAmountMinor between currencies, and the negated amount when it is null', () => {
    const withAmount = row({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: -10000,
      transferAccountId: dollars.id,
      transferAmountMinor: 10850,
    });
    const withoutAmount = row({
      accountId: dollars.id,
      date: '2026-01-01',
      amountMinor: -3000,
      transferAccountId: checking.id,
    });
    expect(byAccount([withAmount, withoutAmount])).toEqual([
      [checking.id, 'own', -10000],
      [dollars.id, 'transfer', 10850],
      [dollars.id, 'own', -3000],
      [checking.id, 'transfer', 3000],
    ]);
  });

  it("counts a deleted account's own side nowhere but its leg into a live account there, unforced", () => {
    const fromDeleted = row({
      accountId: deleted.id,
      date: '2026-01-01',
      amountMinor: -7000,
      transferAccountId: checking.id,
      transferAmountMinor: 6900,
    });
    const intoDeleted = row({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: -1000,
      transferAccountId: deleted.id,
    });
    expect(byAccount([fromDeleted, intoDeleted])).toEqual([
      [checking.id, 'transfer', 6900],
      [checking.id, 'own', -1000],
    ]);
  });

  it('counts closed accounts like open ones', () => {
    expect(
      byAccount([row({ accountId: closedCard.id, date: '2026-01-01', amountMinor: -5 })]),
    ).toEqual([[closedCard.id, 'own', -5]]);
  });

  it("counts a split parent's amount, not its children's, in its account, and a child's transfer leg in the other account", () => {
    const parent = row({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: -10000,
      categoryId: null,
      transferAccountId: brokerage.id,
    });
    const groceries = row({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: -6000,
      parentId: parent.id,
    });
    const toSavings = row({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: -4000,
      parentId: parent.id,
      transferAccountId: savings.id,
    });
    expect(byAccount([parent, groceries, toSavings])).toEqual([
      [checking.id, 'own', -10000],
      [savings.id, 'transfer', 4000],
    ]);
  });

  it('reads a transfer to the same account as a plain row', () => {
    const selfTransfer = row({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: -100,
      transferAccountId: checking.id,
      transferAmountMinor: 100,
    });
    expect(byAccount([selfTransfer])).toEqual([[checking.id, 'own', -100]]);
  });

  it('uses the transfer flags on the far side', () => {
    const transfer = row({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: -100,
      cleared: true,
      reconciled: false,
      transferAccountId: savings.id,
      transferCleared: false,
      transferReconciled: true,
    });
    expect(
      contributions([transfer], [checking, savings]).map((side) => [side.cleared, side.reconciled]),
    ).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});
