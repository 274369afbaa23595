import { accountRow, transactionRow } from '../../testing/rows';
import { accountBalance } from './account-balance';
import { indexTransactions } from './transaction-index';

describe('account balances', () => {
  it('adds booked amounts and negated transfers in, and tracks the cleared part', () => {
    const checking = accountRow();
    const savings = accountRow({ name: 'Savings' });
    const rows = [
      transactionRow({ accountId: checking.id, amountMinor: 100_000, cleared: true }),
      transactionRow({ accountId: checking.id, amountMinor: -2_500 }),
      transactionRow({
        accountId: checking.id,
        transferAccountId: savings.id,
        amountMinor: -30_000,
        transferCleared: true,
      }),
    ];
    const index = indexTransactions(rows);

    expect(accountBalance(checking.id, index.byAccount.get(checking.id))).toEqual({
      balanceMinor: 67_500,
      clearedMinor: 100_000,
    });
    expect(accountBalance(savings.id, index.byAccount.get(savings.id))).toEqual({
      balanceMinor: 30_000,
      clearedMinor: 30_000,
    });
  });

  it('counts a split parent once, whatever its children say', () => {
    const checking = accountRow();
    const parent = transactionRow({ accountId: checking.id, amountMinor: -10_000 });
    const child = transactionRow({
      accountId: checking.id,
      parentId: parent.id,
      amountMinor: -4_000,
    });
    const index = indexTransactions([parent, child]);
    expect(accountBalance(checking.id, index.byAccount.get(checking.id)).balanceMinor).toBe(
      -10_000,
    );
  });
});
