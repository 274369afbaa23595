import { accountRow, transactionRow } from '../../testing/rows';
import { indexTransactions } from './transaction-index';
import { sideOf } from './transaction-side';

describe('indexTransactions', () => {
  const checking = accountRow({ name: 'Checking' });
  const savings = accountRow({ name: 'Savings' });

  it('lists a transfer in both accounts, once each, and keeps split children out of the registers', () => {
    const groceries = transactionRow({ accountId: checking.id, date: '2026-01-02' });
    const transfer = transactionRow({
      accountId: checking.id,
      transferAccountId: savings.id,
      date: '2026-01-01',
    });
    const parent = transactionRow({
      accountId: checking.id,
      date: '2026-01-03',
      amountMinor: -5000,
    });
    const child = transactionRow({
      accountId: checking.id,
      parentId: parent.id,
      amountMinor: -2000,
    });

    const index = indexTransactions([groceries, transfer, parent, child]);

    expect(index.byAccount.get(checking.id)?.map((row) => row.id)).toEqual([
      transfer.id,
      groceries.id,
      parent.id,
    ]);
    expect(index.byAccount.get(savings.id)?.map((row) => row.id)).toEqual([transfer.id]);
    expect(index.childrenByParent.get(parent.id)).toEqual([child]);
  });

  it('orders one day by creation clock, then id, the same on every device', () => {
    const later = transactionRow({
      accountId: checking.id,
      fieldClocks: { accountId: '2026-01-01T10:00:00.000Z-0000-a' },
    });
    const earlier = transactionRow({
      accountId: checking.id,
      fieldClocks: { accountId: '2026-01-01T09:00:00.000Z-0000-a' },
    });

    expect(indexTransactions([later, earlier]).byAccount.get(checking.id)).toEqual([
      earlier,
      later,
    ]);
    expect(indexTransactions([earlier, later]).byAccount.get(checking.id)).toEqual([
      earlier,
      later,
    ]);
  });

  it('suggests past payees by use and remembers the newest category of each', () => {
    const rows = [
      transactionRow({
        accountId: checking.id,
        payee: 'Bakery',
        categoryId: 'c-old',
        date: '2026-01-01',
      }),
      transactionRow({
        accountId: checking.id,
        payee: 'bakery ',
        categoryId: 'c-new',
        date: '2026-01-05',
      }),
      transactionRow({ accountId: checking.id, payee: 'Landlord', categoryId: null }),
      transactionRow({ accountId: checking.id, payee: '' }),
      // Split lines do not add to their payee's count or change its category.
      ...['a', 'b', 'c'].map((n) =>
        transactionRow({
          accountId: checking.id,
          parentId: `parent-${n}`,
          payee: 'Landlord',
          categoryId: 'c-split',
          date: '2026-02-01',
        }),
      ),
    ];

    const index = indexTransactions(rows);

    expect(index.payees).toEqual(['Bakery', 'Landlord']);
    expect(index.categoryByPayee.get('bakery')).toBe('c-new');
    expect(index.categoryByPayee.has('landlord')).toBe(false);
    expect(index.payees).not.toContain('landlord');
  });
});

describe('sideOf', () => {
  it("negates a transfer on its receiving account and uses that side's flags", () => {
    const transfer = transactionRow({
      accountId: 'a',
      transferAccountId: 'b',
      amountMinor: -2500,
      cleared: true,
      transferCleared: false,
    });

    expect(sideOf(transfer, 'a')).toEqual({
      amountMinor: -2500,
      cleared: true,
      reconciled: false,
      counterAccountId: 'b',
      isTransferSide: false,
    });
    expect(sideOf(transfer, 'b')).toEqual({
      amountMinor: 2500,
      cleared: false,
      reconciled: false,
      counterAccountId: 'a',
      isTransferSide: true,
    });
  });
});
