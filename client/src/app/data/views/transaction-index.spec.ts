import { indexLiveAccounts, effectiveRows } from '@finwise/finance';
import { accountRow, transactionRow } from '../../testing/rows';
import { indexTransactions } from './transaction-index';
import { sideOf } from './transaction-side';

describe('indexTransactions', () => {
  const checking = accountRow({ name: 'Checking' });
  const savings = accountRow({ name: 'Savings' });
  const dollars = accountRow({ name: 'Dollars', currency: 'USD' });
  const accounts = [checking, savings, dollars];
  const ids = (accountId: string, index: ReturnType<typeof indexTransactions>) =>
    index.byAccount.get(accountId)?.map((line) => line.transaction.id);

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

    const index = indexTransactions([groceries, transfer, parent, child], accounts);

    expect(ids(checking.id, index)).toEqual([transfer.id, groceries.id, parent.id]);
    expect(ids(savings.id, index)).toEqual([transfer.id]);
    expect(index.childrenByParent.get(parent.id)).toEqual([child]);
    expect(index.remainders.get(parent.id)).toBe(-3000);
  });

  it("reads split lines through their parent: its date orders a line's transfer leg, stale fields are ignored", () => {
    const parent = transactionRow({
      accountId: checking.id,
      date: '2026-03-10',
      amountMinor: -9000,
    });
    const line = transactionRow({
      // Stored values from when the line was made; the parent moved since.
      accountId: savings.id,
      date: '2026-01-01',
      parentId: parent.id,
      transferAccountId: savings.id,
      amountMinor: -4000,
    });
    const earlier = transactionRow({ accountId: savings.id, date: '2026-02-01' });

    const index = indexTransactions([parent, line, earlier], accounts);

    expect(ids(savings.id, index)).toEqual([earlier.id, line.id]);
    const leg = index.byAccount.get(savings.id)?.[1];
    expect(leg?.side).toMatchObject({
      amountMinor: 4000,
      date: '2026-03-10',
      isTransferSide: true,
    });
    expect(ids(checking.id, index)).toEqual([parent.id]);
  });

  it('leaves out lines whose parent is gone', () => {
    const orphan = transactionRow({ accountId: checking.id, parentId: 'missing-parent' });
    const index = indexTransactions([orphan], accounts);
    expect(index.byAccount.get(checking.id)).toBeUndefined();
    expect(index.childrenByParent.size).toBe(0);
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

    expect(ids(checking.id, indexTransactions([later, earlier], accounts))).toEqual([
      earlier.id,
      later.id,
    ]);
    expect(ids(checking.id, indexTransactions([earlier, later], accounts))).toEqual([
      earlier.id,
      later.id,
    ]);
  });
});

describe('sideOf', () => {
  const euros = accountRow({ name: 'Euros', currency: 'EUR' });
  const moreEuros = accountRow({ name: 'More euros', currency: 'EUR' });
  const dollars = accountRow({ name: 'Dollars', currency: 'USD' });
  const accounts = indexLiveAccounts([euros, moreEuros, dollars]);
  const entry = (row: ReturnType<typeof transactionRow>) => effectiveRows([row])[0];

  it("negates a transfer on its receiving account and uses that side's flags", () => {
    const transfer = entry(
      transactionRow({
        accountId: euros.id,
        transferAccountId: moreEuros.id,
        amountMinor: -2500,
        cleared: true,
        transferCleared: false,
        date: '2026-01-02',
      }),
    );

    expect(sideOf(transfer, euros.id, accounts)).toEqual({
      amountMinor: -2500,
      date: '2026-01-02',
      cleared: true,
      reconciled: false,
      counterAccountId: moreEuros.id,
      isTransferSide: false,
    });
    expect(sideOf(transfer, moreEuros.id, accounts)).toEqual({
      amountMinor: 2500,
      date: '2026-01-02',
      cleared: false,
      reconciled: false,
      counterAccountId: euros.id,
      isTransferSide: true,
    });
    expect(sideOf(transfer, dollars.id, accounts)).toBeNull();
  });

  it('books the other amount between currencies and ignores it within one', () => {
    const crossing = entry(
      transactionRow({
        accountId: euros.id,
        transferAccountId: dollars.id,
        amountMinor: -10_000,
        transferAmountMinor: 10_800,
      }),
    );
    expect(sideOf(crossing, dollars.id, accounts)?.amountMinor).toBe(10_800);
    expect(sideOf(crossing, euros.id, accounts)?.amountMinor).toBe(-10_000);

    const stale = entry(
      transactionRow({
        accountId: euros.id,
        transferAccountId: moreEuros.id,
        amountMinor: -10_000,
        transferAmountMinor: 99_999,
      }),
    );
    expect(sideOf(stale, moreEuros.id, accounts)?.amountMinor).toBe(10_000);
  });
});
