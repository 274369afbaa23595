import { rowChanges } from '../data/sync-client/row-changes';
import { indexTransactions } from '../data/views/transaction-index';
import { updateTransactionIndex } from '../data/views/transaction-index-update';
import { accountRow, transactionRow } from '../testing/rows';
import { registerItems, type RegisterEntry } from './register-items';

describe('registerItems', () => {
  const checking = accountRow();
  const savings = accountRow({ name: 'Savings' });
  const dollars = accountRow({ name: 'Dollars', currency: 'USD' });

  function itemsFor(accountId: string, rows: Parameters<typeof indexTransactions>[0]) {
    const index = indexTransactions(rows, [checking, savings, dollars]);
    return registerItems(
      index.byAccount.get(accountId) ?? [],
      index.childrenByParent,
      index.remainders,
    );
  }

  it('lists newest first with the balance after each row', () => {
    const salary = transactionRow({
      accountId: checking.id,
      date: '2026-01-01',
      amountMinor: 300_000,
    });
    const rent = transactionRow({
      accountId: checking.id,
      date: '2026-01-03',
      amountMinor: -120_000,
    });
    const food = transactionRow({
      accountId: checking.id,
      date: '2026-01-02',
      amountMinor: -4_550,
    });

    const items = itemsFor(checking.id, [salary, rent, food]) as RegisterEntry[];

    expect(items.map((item) => [item.transaction.id, item.balanceMinor])).toEqual([
      [rent.id, 175_450],
      [food.id, 295_450],
      [salary.id, 300_000],
    ]);
  });

  it('shows a transfer negated in the other account', () => {
    const transfer = transactionRow({
      accountId: checking.id,
      transferAccountId: savings.id,
      amountMinor: -50_000,
    });

    const [entry] = itemsFor(savings.id, [transfer]) as RegisterEntry[];

    expect(entry.side.amountMinor).toBe(50_000);
    expect(entry.side.counterAccountId).toBe(checking.id);
    expect(entry.balanceMinor).toBe(50_000);
  });

  it('shows a transfer between currencies with the amount the other account books', () => {
    const transfer = transactionRow({
      accountId: checking.id,
      transferAccountId: dollars.id,
      amountMinor: -50_000,
      transferAmountMinor: 54_321,
    });

    const [entry] = itemsFor(dollars.id, [transfer]) as RegisterEntry[];

    expect(entry.side).toMatchObject({ amountMinor: 54_321, isTransferSide: true });
    expect(entry.balanceMinor).toBe(54_321);
    expect((itemsFor(checking.id, [transfer])[0] as RegisterEntry).balanceMinor).toBe(-50_000);
  });

  it('puts split children under their parent and shows what they leave uncategorized', () => {
    const parent = transactionRow({
      accountId: checking.id,
      amountMinor: -10_000,
      date: '2026-01-05',
    });
    const food = transactionRow({
      accountId: checking.id,
      parentId: parent.id,
      amountMinor: -6_000,
    });
    const home = transactionRow({
      accountId: checking.id,
      parentId: parent.id,
      amountMinor: -3_000,
    });
    const earlier = transactionRow({
      accountId: checking.id,
      amountMinor: 20_000,
      date: '2026-01-01',
    });

    const items = itemsFor(checking.id, [parent, food, home, earlier]);

    expect(items.map((item) => item.kind)).toEqual([
      'entry',
      'split',
      'split',
      'remainder',
      'entry',
    ]);
    expect(items[3]).toMatchObject({ kind: 'remainder', amountMinor: -1_000 });
    expect((items[0] as RegisterEntry).balanceMinor).toBe(10_000);
  });

  it('shows no remainder when the children add up', () => {
    const parent = transactionRow({ accountId: checking.id, amountMinor: -10_000 });
    const child = transactionRow({
      accountId: checking.id,
      parentId: parent.id,
      amountMinor: -10_000,
    });
    expect(itemsFor(checking.id, [parent, child]).map((item) => item.kind)).toEqual([
      'entry',
      'split',
    ]);
  });

  it('keeps the entries below an edit, and builds what a fresh build gives', () => {
    const accounts = [checking, savings, dollars];
    const rows = Array.from({ length: 6 }, (_, day) =>
      transactionRow({
        accountId: checking.id,
        date: `2026-01-0${day + 1}`,
        amountMinor: 1_000 * (day + 1),
      }),
    ).sort((a, b) => (a.id < b.id ? -1 : 1));
    const index = indexTransactions(rows, accounts);
    const lines = index.byAccount.get(checking.id) ?? [];
    const first = registerItems(lines, index.childrenByParent, index.remainders);
    const edited = rows.map((row) =>
      row.date === '2026-01-05' ? { ...row, amountMinor: -50 } : row,
    );
    const next =
      updateTransactionIndex(index, rowChanges(rows, edited) ?? [], accounts) ??
      indexTransactions(edited, accounts);
    const nextLines = next.byAccount.get(checking.id) ?? [];

    const items = registerItems(nextLines, next.childrenByParent, next.remainders, first);

    expect(items).toEqual(registerItems(nextLines, next.childrenByParent, next.remainders));
    // Newest first: the two rows from the edited one up are new, the four below it are kept.
    items.forEach((item, position) =>
      position < 2 ? expect(item).not.toBe(first[position]) : expect(item).toBe(first[position]),
    );
  });
});
