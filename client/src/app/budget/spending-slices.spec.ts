import type { CategoryBudget, MonthBudget } from '@finwise/finance';
import { spendingSlices } from './spending-slices';

function line(name: string, activity: number, isIncome = false): CategoryBudget {
  return {
    categoryId: name,
    name,
    groupName: 'Group',
    isIncome,
    hidden: false,
    carryOverspending: false,
    budgeted: 0,
    activity,
    carryIn: 0,
    available: 0,
  };
}

function month(categories: CategoryBudget[], uncategorized = 0): MonthBudget {
  return {
    month: '2026-03',
    currency: 'EUR',
    income: 0,
    fromLastMonth: 0,
    overspentLastMonth: 0,
    totalBudgeted: 0,
    held: 0,
    toBudget: 0,
    safeToAssign: 0,
    uncategorized,
    categories,
    excludedAccounts: [],
  };
}

describe('spendingSlices', () => {
  it('shows outflows of expense categories and uncategorized money, largest first', () => {
    expect(
      spendingSlices(
        month([line('Rent', -1000), line('Refunds', 500), line('Salary', -50, true)], -300),
      ),
    ).toEqual([
      { label: 'Rent', amountMinor: 1000 },
      { label: 'Uncategorized', amountMinor: 300 },
    ]);
  });

  it('folds everything past the seventh slice into one', () => {
    const lines = Array.from({ length: 10 }, (_, index) => line(`C${index}`, -(index + 1) * 100));
    const slices = spendingSlices(month(lines));
    expect(slices).toHaveLength(8);
    expect(slices[7]).toEqual({ label: 'Everything else', amountMinor: 100 + 200 + 300 });
  });
});
