import {
  account,
  afterMutations,
  budgetOf,
  category,
  cell,
  lineOf,
  row,
  type Household,
} from '../../testing/fixtures';
import { coverOverspending } from './cover-overspending';

const checking = account('checking');
const salary = category('salary', { isIncome: true });
const groceries = category('groceries');
const fun = category('fun');
const rent = category('rent');

/** Fun −3000 overspent; Groceries has `groceriesMinor`; To Budget = 6000 − groceries − rent. */
function household(groceriesMinor: number, rentMinor = 0): Household {
  return {
    accounts: [checking],
    categories: [salary, groceries, fun, rent],
    transactions: [
      row({ accountId: checking.id, date: '2026-01-01', amountMinor: 6000, categoryId: salary.id }),
      row({ accountId: checking.id, date: '2026-01-05', amountMinor: -3000, categoryId: fun.id }),
    ],
    budgets: [cell(groceries.id, '2026-01', groceriesMinor), cell(rent.id, '2026-01', rentMinor)],
  };
}

function cover(data: Household, categoryId: string, fromCategoryId: string | null) {
  return coverOverspending({ budget: budgetOf(data, '2026-01'), categoryId, fromCategoryId });
}

describe('coverOverspending', () => {
  it('covers only what the source category has', () => {
    const data = household(1000);
    const result = cover(data, fun.id, groceries.id);
    expect(result.coveredMinor).toBe(1000);
    expect(result.mutations[0]).toMatchObject({
      modelName: 'budget_moves',
      operation: 'create',
      data: {
        month: '2026-01',
        fromCategoryId: groceries.id,
        toCategoryId: fun.id,
        amountMinor: 1000,
      },
    });
    const jan = budgetOf(afterMutations(data, result.mutations), '2026-01');
    expect([lineOf(jan, fun).available, lineOf(jan, groceries).available]).toEqual([-2000, 0]);
  });

  it('does nothing when the category is not overspent, or the source has nothing', () => {
    const nothing = { coveredMinor: 0, mutations: [] };
    expect(cover(household(5000), groceries.id, fun.id)).toEqual(nothing);
    expect(cover(household(0), fun.id, groceries.id)).toEqual(nothing);
    expect(cover(household(0, 6000), fun.id, null)).toEqual(nothing);
    expect(cover(household(5000), fun.id, fun.id)).toEqual(nothing);
  });

  it('takes a source that is no expense category as To Budget', () => {
    const result = cover(household(5000), fun.id, salary.id);
    expect(result.coveredMinor).toBe(1000);
    expect(result.mutations[0].data).toMatchObject({ fromCategoryId: null, toCategoryId: fun.id });
  });
});
