import type { Account } from '@finwise/domain';
import { indexTransactions } from '../data/views/transaction-index';
import { accountRow, budgetRow, categoryRow, transactionRow } from '../testing/rows';
import { monthBudget, monthlyActivity, monthlyBudgeted, monthlyUncategorized } from './budget-math';

describe('budget math', () => {
  const checking = accountRow({ currency: 'EUR', onBudget: true });
  const broker = accountRow({ name: 'Broker', currency: 'EUR', onBudget: false });
  const travel = accountRow({ name: 'Travel card', currency: 'USD', onBudget: true });
  const accounts = [checking, broker, travel];
  const accountsById: Record<string, Account> = Object.fromEntries(
    accounts.map((account) => [account.id, account]),
  );

  const food = categoryRow({ name: 'Food', groupName: 'Living', sortOrder: 1 });
  const rent = categoryRow({ name: 'Rent', groupName: 'Home', sortOrder: 2 });
  const salary = categoryRow({ name: 'Salary', groupName: 'Income', isIncome: true, sortOrder: 3 });
  const old = categoryRow({ name: 'Old', groupName: 'Living', hidden: true, sortOrder: 4 });

  function budgetFor(month: string, transactions = defaultTransactions()) {
    const index = indexTransactions(transactions);
    return monthBudget({
      uncategorized: monthlyUncategorized(
        transactions,
        accountsById,
        'EUR',
        index.childrenByParent,
      ),
      month,
      currency: 'EUR',
      categories: [food, rent, salary, old],
      activity: monthlyActivity(
        transactions,
        accountsById,
        'EUR',
        new Set(index.childrenByParent.keys()),
      ),
      budgeted: monthlyBudgeted([
        budgetRow(food.id, '2026-01', 40_000),
        budgetRow(food.id, '2026-02', 30_000),
        budgetRow(rent.id, '2026-02', 100_000),
      ]),
      accounts,
    });
  }

  function defaultTransactions() {
    return [
      transactionRow({
        accountId: checking.id,
        categoryId: salary.id,
        amountMinor: 250_000,
        date: '2026-01-31',
      }),
      transactionRow({
        accountId: checking.id,
        categoryId: food.id,
        amountMinor: -35_000,
        date: '2026-01-10',
      }),
      transactionRow({
        accountId: checking.id,
        categoryId: food.id,
        amountMinor: -12_000,
        date: '2026-02-03',
      }),
      transactionRow({
        accountId: checking.id,
        categoryId: rent.id,
        amountMinor: -100_000,
        date: '2026-02-01',
      }),
      // Off budget and foreign currency accounts do not count.
      transactionRow({
        accountId: broker.id,
        categoryId: food.id,
        amountMinor: -99_999,
        date: '2026-02-03',
      }),
      transactionRow({
        accountId: travel.id,
        categoryId: food.id,
        amountMinor: -77_777,
        date: '2026-02-03',
      }),
    ];
  }

  it('rolls what is left of a category into the next month', () => {
    const february = budgetFor('2026-02');
    const foodLine = february.groups
      .flatMap((group) => group.lines)
      .find((line) => line.category.id === food.id);
    // January left 50.00 (400.00 − 350.00); February adds 300.00 and spends 120.00.
    expect(foodLine).toMatchObject({
      budgetedMinor: 30_000,
      activityMinor: -12_000,
      availableMinor: 23_000,
    });
  });

  it('computes "to budget" from all income so far minus all money budgeted so far', () => {
    expect(budgetFor('2026-01').toBudgetMinor).toBe(250_000 - 40_000);
    expect(budgetFor('2026-02').toBudgetMinor).toBe(250_000 - 40_000 - 130_000);
    expect(budgetFor('2026-01').incomeMinor).toBe(250_000);
    expect(budgetFor('2026-02').incomeMinor).toBe(0);
  });

  it('counts split children, not their parent', () => {
    const parent = transactionRow({
      accountId: checking.id,
      categoryId: rent.id,
      amountMinor: -10_000,
      date: '2026-03-02',
    });
    const child = transactionRow({
      accountId: checking.id,
      parentId: parent.id,
      categoryId: food.id,
      amountMinor: -7_000,
      date: '2026-03-02',
    });
    const march = budgetFor('2026-03', [parent, child]);
    const lines = march.groups.flatMap((group) => group.lines);
    expect(lines.find((line) => line.category.id === food.id)?.activityMinor).toBe(-7_000);
    expect(lines.find((line) => line.category.id === rent.id)?.activityMinor).toBe(0);
  });

  it('orders the spending chart by amount and hides unused hidden categories', () => {
    const february = budgetFor('2026-02');
    expect(february.spending).toEqual([
      { label: 'Rent', amountMinor: 100_000 },
      { label: 'Food', amountMinor: 12_000 },
    ]);
    expect(
      february.groups.flatMap((group) => group.lines).map((line) => line.category.name),
    ).not.toContain('Old');
    expect(february.otherCurrencyAccounts).toEqual([travel]);
  });

  it('counts uncategorized money (rows, split lines and remainders, transfers out of the budget) in activity and "to budget"', () => {
    const savings = accountRow({ name: 'Savings', currency: 'EUR', onBudget: true });
    accountsById[savings.id] = savings;
    const parent = transactionRow({
      accountId: checking.id,
      amountMinor: -10_000,
      date: '2026-03-02',
    });
    const rows = [
      ...defaultTransactions(),
      transactionRow({ accountId: checking.id, amountMinor: -2_500, date: '2026-03-01' }),
      parent,
      transactionRow({
        accountId: checking.id,
        parentId: parent.id,
        categoryId: food.id,
        amountMinor: -7_000,
        date: '2026-03-02',
      }),
      transactionRow({
        accountId: checking.id,
        parentId: parent.id,
        amountMinor: -1_000,
        date: '2026-03-02',
      }),
      // Into the off-budget broker account: leaves the budget.
      transactionRow({
        accountId: checking.id,
        transferAccountId: broker.id,
        amountMinor: -20_000,
        date: '2026-03-05',
      }),
      // Between budget accounts: stays in the budget.
      transactionRow({
        accountId: checking.id,
        transferAccountId: savings.id,
        amountMinor: -5_000,
        date: '2026-03-05',
      }),
      // Off budget and no category: not the budget's business.
      transactionRow({ accountId: broker.id, amountMinor: -99_000, date: '2026-03-05' }),
    ];
    const march = budgetFor('2026-03', rows);
    // 25.00 + 10.00 (uncategorized line) + 20.00 (remainder) + 200.00 (transfer out).
    expect(march.uncategorized).toEqual({ activityMinor: -25_500, soFarMinor: -25_500 });
    expect(march.activityMinor).toBe(-7_000 - 25_500);
    expect(march.toBudgetMinor).toBe(250_000 - 170_000 - 25_500);
    expect(march.spending).toContainEqual({ label: 'Uncategorized', amountMinor: 25_500 });
    expect(budgetFor('2026-02', rows).uncategorized).toBeNull();
    expect(budgetFor('2026-04', rows).uncategorized).toEqual({
      activityMinor: 0,
      soFarMinor: -25_500,
    });
  });

  it('counts a transfer once: under its category when it has one, else uncategorized, and only across the budget edge', () => {
    const savings = accountRow({ name: 'Savings', currency: 'EUR', onBudget: true });
    accountsById[savings.id] = savings;
    const rows = [
      // Into the off-budget broker, categorised: an outflow of that category, not uncategorized too.
      transactionRow({
        accountId: checking.id,
        transferAccountId: broker.id,
        categoryId: food.id,
        amountMinor: -20_000,
        date: '2026-07-05',
      }),
      // From the broker into the budget, categorised: an inflow of that category.
      transactionRow({
        accountId: broker.id,
        transferAccountId: checking.id,
        categoryId: food.id,
        amountMinor: -3_000,
        date: '2026-07-06',
      }),
      // Between two budget accounts, categorised (a merge can leave both fields set): counts nowhere.
      transactionRow({
        accountId: checking.id,
        transferAccountId: savings.id,
        categoryId: food.id,
        amountMinor: -5_000,
        date: '2026-07-07',
      }),
    ];
    const july = budgetFor('2026-07', rows);
    expect(july.uncategorized).toBeNull();
    expect(july.activityMinor).toBe(-20_000 + 3_000);
  });

  it('treats activity of a deleted category as uncategorized', () => {
    const rows = [
      transactionRow({
        accountId: checking.id,
        categoryId: '00000000-0000-4000-8000-0000000000aa',
        amountMinor: -1_234,
        date: '2026-05-01',
      }),
    ];
    expect(budgetFor('2026-05', rows).uncategorized?.activityMinor).toBe(-1_234);
  });
});
