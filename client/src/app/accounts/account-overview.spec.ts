import { indexTransactions } from '../data/views/transaction-index';
import { accountGroupRow, accountRow, transactionRow } from '../testing/rows';
import { accountOverview, UNGROUPED_NAME } from './account-overview';

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
    const index = indexTransactions(
      [
        transactionRow({ accountId: euro.id, amountMinor: 1_000 }),
        transactionRow({ accountId: dollar.id, amountMinor: 2_000 }),
        transactionRow({ accountId: orphan.id, amountMinor: 300 }),
      ],
      [euro, dollar, orphan],
    );

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
