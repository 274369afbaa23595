import { accountGroupRow, accountRow, transactionRow } from '../testing/rows';
import { indexTransactions } from '../stores/transaction-index';
import { accountBalance, accountOverview, UNGROUPED_NAME } from './account-overview';

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

describe('accountOverview', () => {
  it('groups accounts, totals each currency separately and never mixes them in net worth', () => {
    const everyday = accountGroupRow({ name: 'Everyday' });
    const empty = accountGroupRow({ name: 'Investments' });
    const euro = accountRow({ name: 'Giro', groupId: everyday.id, currency: 'EUR' });
    const dollar = accountRow({ name: 'US card', groupId: everyday.id, currency: 'USD' });
    const orphan = accountRow({
      name: 'Cash',
      groupId: '00000000-0000-4000-8000-ffffffffffff',
      currency: 'EUR',
    });
    const index = indexTransactions([
      transactionRow({ accountId: euro.id, amountMinor: 1_000 }),
      transactionRow({ accountId: dollar.id, amountMinor: 2_000 }),
      transactionRow({ accountId: orphan.id, amountMinor: 300 }),
    ]);

    const overview = accountOverview([everyday, empty], [euro, dollar, orphan], index.byAccount);

    expect(overview.groups.map((group) => group.name)).toEqual([
      'Everyday',
      'Investments',
      UNGROUPED_NAME,
    ]);
    expect(overview.groups[0].totals).toEqual([
      { currency: 'EUR', amountMinor: 1_000 },
      { currency: 'USD', amountMinor: 2_000 },
    ]);
    expect(overview.groups[2].accounts.map((line) => line.account.name)).toEqual(['Cash']);
    expect(overview.netWorth).toEqual([
      { currency: 'EUR', amountMinor: 1_300 },
      { currency: 'USD', amountMinor: 2_000 },
    ]);
  });
});
