import { accountRow, transactionRow } from '../../testing/rows';
import { accountBalance } from './account-balance';
import { indexTransactions } from './transaction-index';

describe('account balances', () => {
  const checking = accountRow();
  const savings = accountRow({ name: 'Savings' });
  const dollars = accountRow({ name: 'Dollars', currency: 'USD' });
  const accounts = [checking, savings, dollars];

  it('adds booked amounts and transfers in, and tracks the cleared or reconciled part', () => {
    const rows = [
      transactionRow({ accountId: checking.id, amountMinor: 100_000, cleared: true }),
      transactionRow({ accountId: checking.id, amountMinor: -2_500 }),
      transactionRow({ accountId: checking.id, amountMinor: -1_000, reconciled: true }),
      transactionRow({
        accountId: checking.id,
        transferAccountId: savings.id,
        amountMinor: -30_000,
        transferCleared: true,
      }),
      transactionRow({
        accountId: checking.id,
        transferAccountId: dollars.id,
        amountMinor: -10_000,
        transferAmountMinor: 10_850,
      }),
    ];
    const index = indexTransactions(rows, accounts);

    expect(accountBalance(index.byAccount.get(checking.id))).toEqual({
      balanceMinor: 56_500,
      clearedMinor: 99_000,
    });
    expect(accountBalance(index.byAccount.get(savings.id))).toEqual({
      balanceMinor: 30_000,
      clearedMinor: 30_000,
    });
    expect(accountBalance(index.byAccount.get(dollars.id)).balanceMinor).toBe(10_850);
  });

  it('counts a split parent once, whatever its children say', () => {
    const parent = transactionRow({ accountId: checking.id, amountMinor: -10_000 });
    const child = transactionRow({
      accountId: checking.id,
      parentId: parent.id,
      amountMinor: -4_000,
    });
    const index = indexTransactions([parent, child], accounts);
    expect(accountBalance(index.byAccount.get(checking.id)).balanceMinor).toBe(-10_000);
  });
});
