import { budgetMonthId } from '@finwise/finance';
import type { BudgetMonth, Transaction } from '@finwise/domain';
import { accountRow, budgetRow, categoryRow, transactionRow } from './rows';

/**
 * A household for the budget's specs. March 2026: salary 3,000.00; Groceries budgeted 300.00,
 * spent 350.00 (overspent by 50.00); Fun budgeted 100.00, spent 20.00; Rent budgeted 1,200.00;
 * 10.00 spent without a category. To Budget = 3,000 − 1,600 = 1,400.00.
 */
export function budgetHousehold() {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const travel = accountRow({ name: 'Travel card', currency: 'USD', sortOrder: 20 });
  const groceries = categoryRow({ name: 'Groceries', groupName: 'Living', sortOrder: 10 });
  const fun = categoryRow({ name: 'Fun', groupName: 'Living', sortOrder: 20 });
  const rent = categoryRow({ name: 'Rent', groupName: 'Home', sortOrder: 30 });
  const salary = categoryRow({ name: 'Salary', groupName: 'Income', isIncome: true });
  const row = (date: string, amountMinor: number, categoryId: string | null): Transaction =>
    transactionRow({ accountId: checking.id, date, amountMinor, categoryId });
  const seed = {
    accounts: [checking, travel],
    categories: [groceries, fun, rent, salary],
    budgets: [
      budgetRow(groceries.id, '2026-03', 30_000),
      budgetRow(fun.id, '2026-03', 10_000),
      budgetRow(rent.id, '2026-03', 120_000),
    ],
    transactions: [
      row('2026-03-01', 300_000, salary.id),
      row('2026-03-04', -35_000, groceries.id),
      row('2026-03-05', -2_000, fun.id),
      row('2026-03-09', -1_000, null),
      // Out of the budget: an on-budget account in another currency.
      transactionRow({ accountId: travel.id, date: '2026-03-10', amountMinor: -9_999 }),
    ],
    budget_moves: [] as object[],
    budget_months: [] as object[],
  };
  return { checking, travel, groceries, fun, rent, salary, seed };
}

export function holdRow(month: string, heldMinor: number): BudgetMonth {
  return {
    id: budgetMonthId(month),
    month,
    heldMinor,
    createdAt: null,
    updatedAt: '2026-01-01T00:00:00.000Z-0000-0000000000000001',
    deletedAt: null,
    fieldClocks: {},
  };
}

/** The text of an element found by its data-test name, spaces collapsed. */
export function textOf(root: HTMLElement, name: string): string {
  return (
    root.querySelector(`[data-test="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

/** The row of a category in the budget table. */
export function categoryLine(root: HTMLElement, categoryId: string): HTMLTableRowElement {
  const row = root.querySelector<HTMLTableRowElement>(`tr[data-category="${categoryId}"]`);
  if (!row) throw new Error(`No budget line for ${categoryId}`);
  return row;
}
