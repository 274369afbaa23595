import { assertMonth, nextMonth } from '../core/month';
import type { BudgetCategory } from '../core/rows';
import type { BudgetAggregates } from './budget-aggregates';
import { inDisplayOrder } from './category-order';
import type { CategoryBudget, MonthBudget } from './month-budget';
import { classifyAggregates, type MonthInputs } from './monthly-inputs';

/** The envelope budget of one month (FINANCE §3); any month can be asked for, months never end. */
export function computeMonthBudget(aggregates: BudgetAggregates, month: string): MonthBudget {
  return computeBudgetMonths(aggregates, month, month)[0];
}

/** The envelope budgets of the months `from`..`to` (inclusive), computed in one pass. */
export function computeBudgetMonths(
  aggregates: BudgetAggregates,
  from: string,
  to: string,
): MonthBudget[] {
  assertMonth(from);
  assertMonth(to);
  if (to < from) throw new RangeError(`Month range ends before it starts: ${from}..${to}`);

  const classified = classifyAggregates(aggregates);
  const displayOrder = inDisplayOrder([
    ...classified.expenseCategories,
    ...classified.incomeCategories,
  ]);
  const excludedAccounts = [...aggregates.excludedAccountIds];
  const zeroMonth = (month: string): MonthBudget => ({
    month,
    currency: aggregates.currency,
    income: 0,
    fromLastMonth: 0,
    overspentLastMonth: 0,
    totalBudgeted: 0,
    held: 0,
    toBudget: 0,
    safeToAssign: 0,
    uncategorized: 0,
    categories: displayOrder.map((category) => categoryLine(category, 0, 0, 0, 0)),
    excludedAccounts,
  });

  const requested: MonthBudget[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) requested.push(zeroMonth(month));
  const { firstMonth } = classified;
  if (firstMonth === null || to < firstMonth) return requested;

  // Walk from the first month to the last one that matters: the requested range, and every
  // later month with budget rows, whose toBudget bounds what is safe to assign now.
  let lastMonth = to;
  for (const month of classified.budgetRowMonths) if (month > lastMonth) lastMonth = month;

  const empty: MonthInputs = {
    expenseActivity: new Map(),
    incomeActivity: new Map(),
    budgeted: new Map(),
    uncategorized: 0,
    held: 0,
  };
  const toBudgetByMonth: { month: string; toBudget: number }[] = [];
  const computed = new Map<string, Omit<MonthBudget, 'safeToAssign'>>();
  let lastAvailable = new Map<string, number>();
  let lastToBudget = 0;
  let lastHeld = 0;

  for (let month = firstMonth; month <= lastMonth; month = nextMonth(month)) {
    const inputs = classified.months.get(month) ?? empty;
    const available = new Map<string, number>();
    const lines = new Map<string, CategoryBudget>();
    let overspentLastMonth = 0;
    let totalBudgeted = 0;

    for (const category of classified.expenseCategories) {
      const before = lastAvailable.get(category.id) ?? 0;
      // Overspending either stays in the category or comes off this month's To Budget.
      const carryIn = category.carryOverspending ? before : Math.max(0, before);
      if (!category.carryOverspending) overspentLastMonth += Math.min(0, before);
      const budgeted = inputs.budgeted.get(category.id) ?? 0;
      const activity = inputs.expenseActivity.get(category.id) ?? 0;
      const categoryAvailable = budgeted + activity + carryIn;
      totalBudgeted += budgeted;
      available.set(category.id, categoryAvailable);
      lines.set(
        category.id,
        categoryLine(category, budgeted, activity, carryIn, categoryAvailable),
      );
    }
    let income = 0;
    for (const category of classified.incomeCategories) {
      const activity = inputs.incomeActivity.get(category.id) ?? 0;
      income += activity;
      lines.set(category.id, categoryLine(category, 0, activity, 0, 0));
    }

    const fromLastMonth = lastToBudget + lastHeld;
    const held = inputs.held;
    const toBudget = income + fromLastMonth + overspentLastMonth - totalBudgeted - held;
    toBudgetByMonth.push({ month, toBudget });
    if (month >= from && month <= to) {
      computed.set(month, {
        month,
        currency: aggregates.currency,
        income,
        fromLastMonth,
        overspentLastMonth,
        totalBudgeted,
        held,
        toBudget,
        uncategorized: inputs.uncategorized,
        categories: displayOrder.map(
          (category) => lines.get(category.id) ?? categoryLine(category, 0, 0, 0, 0),
        ),
        excludedAccounts,
      });
    }
    lastAvailable = available;
    lastToBudget = toBudget;
    lastHeld = held;
  }

  // Assigning money in a later month lowers what is safe to assign now: take the lowest toBudget
  // of this month and every later month holding budget rows.
  const safeToAssign = new Map<string, number>();
  let lowestLater = Number.POSITIVE_INFINITY;
  for (let index = toBudgetByMonth.length - 1; index >= 0; index--) {
    const { month, toBudget } = toBudgetByMonth[index];
    safeToAssign.set(month, Math.min(toBudget, lowestLater));
    if (classified.budgetRowMonths.has(month)) lowestLater = Math.min(lowestLater, toBudget);
  }

  return requested.map((zero) => {
    const budget = computed.get(zero.month);
    return budget ? { ...budget, safeToAssign: safeToAssign.get(zero.month) ?? 0 } : zero;
  });
}

function categoryLine(
  category: BudgetCategory,
  budgeted: number,
  activity: number,
  carryIn: number,
  available: number,
): CategoryBudget {
  return {
    categoryId: category.id,
    name: category.name ?? '',
    groupName: category.groupName ?? '',
    isIncome: category.isIncome === true,
    hidden: category.hidden === true,
    carryOverspending: category.carryOverspending === true,
    budgeted,
    activity,
    carryIn,
    available,
  };
}
