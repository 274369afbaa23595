import type { Account } from '@finwise/domain';
import { indexTransactions } from '../stores/transaction-index';
import { accountRow, budgetRow, categoryRow, transactionRow } from '../testing/rows';
import { budgetCurrency, monthBudget, monthlyActivity, monthlyBudgeted } from './budget-math';

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

  it('picks the currency most on-budget accounts use', () => {
    expect(budgetCurrency(accounts)).toBe('EUR');
    expect(budgetCurrency([])).toBe('EUR');
    expect(budgetCurrency([travel])).toBe('USD');
  });
});
