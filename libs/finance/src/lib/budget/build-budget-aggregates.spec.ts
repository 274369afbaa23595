import { account, aggregatesOf, category, cell, hold, move, row } from '../../testing/fixtures';

const checking = account('checking');
const savings = account('savings');
const brokerage = account('brokerage', { onBudget: false });
const dollars = account('dollars', { currency: 'USD' });
const removed = account('removed', { deletedAt: 'gone' });
const salary = category('salary', { isIncome: true });
const fun = category('fun');
const gone = category('gone', { deletedAt: 'gone' });

describe('buildBudgetAggregates', () => {
  const parent = row({
    accountId: checking.id,
    date: '2026-02-10',
    amountMinor: -10000,
    categoryId: fun.id,
  });
  const offBudgetParent = row({ accountId: brokerage.id, date: '2026-02-11', amountMinor: -999 });
  const rows = [
    row({ accountId: checking.id, date: '2026-01-01', amountMinor: 300000, categoryId: salary.id }),
    row({ accountId: checking.id, date: '2026-01-05', amountMinor: -2000, categoryId: fun.id }),
    row({ accountId: checking.id, date: '2026-01-06', amountMinor: -3000, categoryId: fun.id }),
    row({ accountId: checking.id, date: '2026-01-07', amountMinor: -1, deletedAt: 'gone' }),
    // on ↔ on: no activity, but it would start the budget on its own.
    row({
      accountId: checking.id,
      date: '2025-12-31',
      amountMinor: -50000,
      transferAccountId: savings.id,
      categoryId: fun.id,
    }),
    // off → on: the budget side is the transfer leg.
    row({
      accountId: brokerage.id,
      date: '2026-01-08',
      amountMinor: -7000,
      transferAccountId: checking.id,
      categoryId: salary.id,
    }),
    // A leg into a deleted account leaves the row a plain outflow.
    row({
      accountId: checking.id,
      date: '2026-01-09',
      amountMinor: -400,
      transferAccountId: removed.id,
    }),
    row({ accountId: dollars.id, date: '2026-01-09', amountMinor: 123 }),
    parent,
    row({
      accountId: savings.id,
      date: '2020-01-01',
      amountMinor: -6000,
      categoryId: fun.id,
      parentId: parent.id,
    }),
    row({
      accountId: checking.id,
      date: '2026-02-10',
      amountMinor: -3000,
      categoryId: gone.id,
      parentId: parent.id,
    }),
    row({
      accountId: checking.id,
      date: '2026-02-10',
      amountMinor: -500,
      parentId: parent.id,
      transferAccountId: savings.id,
    }),
    offBudgetParent,
    row({
      accountId: brokerage.id,
      date: '2026-02-11',
      amountMinor: -999,
      categoryId: fun.id,
      parentId: offBudgetParent.id,
    }),
  ];

  it('sums the budget sides per month and stored category, remainders, cells, moves and holds', () => {
    const aggregates = aggregatesOf({
      accounts: [checking, savings, brokerage, dollars, removed],
      categories: [salary, fun, gone],
      transactions: rows,
      budgets: [
        cell(fun.id, '2026-01', 5000),
        cell(gone.id, '2026-01', 100),
        { ...cell(fun.id, '2026-09', 1), deletedAt: 'x' },
      ],
      budgetMoves: [
        move('2026-01', null, fun.id, 10),
        move('2026-01', null, fun.id, 15),
        { ...move('2026-01', fun.id, null, 99), deletedAt: 'x' },
      ],
      budgetMonths: [hold('2026-01', 700)],
    });
    expect(aggregates).toEqual({
      currency: 'EUR',
      categories: [salary, fun],
      excludedAccountIds: [dollars.id],
      firstLedgerMonth: '2025-12',
      activity: [
        { month: '2026-01', categoryId: null, amountMinor: -400 },
        { month: '2026-01', categoryId: fun.id, amountMinor: -5000 },
        { month: '2026-01', categoryId: salary.id, amountMinor: 307000 },
        { month: '2026-02', categoryId: gone.id, amountMinor: -3000 },
        { month: '2026-02', categoryId: fun.id, amountMinor: -6000 },
      ].sort((a, b) =>
        `${a.month}|${a.categoryId ?? ''}` < `${b.month}|${b.categoryId ?? ''}` ? -1 : 1,
      ),
      splitRemainders: [{ month: '2026-02', amountMinor: -500 }],
      budgetCells: [
        { month: '2026-01', categoryId: fun.id, budgetedMinor: 5000 },
        { month: '2026-01', categoryId: gone.id, budgetedMinor: 100 },
      ].sort((a, b) => (a.categoryId < b.categoryId ? -1 : 1)),
      moves: [{ month: '2026-01', fromCategoryId: null, toCategoryId: fun.id, amountMinor: 25 }],
      holds: [{ month: '2026-01', heldMinor: 700 }],
    });
  });

  it('does not depend on the order of the rows', () => {
    const household = {
      accounts: [checking, savings, brokerage, dollars, removed],
      categories: [salary, fun, gone],
    };
    expect(aggregatesOf({ ...household, transactions: [...rows].reverse() })).toEqual(
      aggregatesOf({ ...household, transactions: rows }),
    );
  });
});
