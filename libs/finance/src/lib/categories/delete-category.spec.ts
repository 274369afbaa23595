import {
  account,
  afterMutations,
  budgetOf,
  category,
  cell,
  lineOf,
  move,
  row,
  type Household,
} from '../../testing/fixtures';
import { categoryUsage, planCategoryDeletion, type DeleteCategoryInput } from './delete-category';

const checking = account('checking');
const salary = category('salary', { isIncome: true });
const bonus = category('bonus', { isIncome: true });
const dining = category('dining');
const food = category('food');
const fun = category('fun');

function household(): Household & Required<Pick<Household, 'transactions'>> {
  const parent = row({ accountId: checking.id, date: '2026-02-03', amountMinor: -9000 });
  return {
    accounts: [checking],
    categories: [salary, bonus, dining, food, fun],
    transactions: [
      row({
        accountId: checking.id,
        date: '2026-01-01',
        amountMinor: 300000,
        categoryId: salary.id,
      }),
      row({
        accountId: checking.id,
        date: '2026-01-10',
        amountMinor: -4000,
        categoryId: dining.id,
      }),
      row({ accountId: checking.id, date: '2026-01-12', amountMinor: -6000, categoryId: food.id }),
      parent,
      row({
        accountId: null,
        date: null,
        amountMinor: -5000,
        categoryId: dining.id,
        parentId: parent.id,
      }),
      row({
        accountId: null,
        date: null,
        amountMinor: -4000,
        categoryId: fun.id,
        parentId: parent.id,
      }),
      row({
        accountId: checking.id,
        date: '2026-02-20',
        amountMinor: -700,
        categoryId: dining.id,
        deletedAt: 'gone',
      }),
    ],
    budgets: [
      cell(dining.id, '2026-01', 10000),
      cell(food.id, '2026-01', 20000),
      cell(dining.id, '2026-02', 3000),
    ],
    budgetMoves: [move('2026-01', fun.id, dining.id, 1500), move('2026-02', dining.id, null, 500)],
  };
}

function input(
  data: Household,
  replacementId: string | null,
  categoryId = dining.id,
): DeleteCategoryInput {
  return {
    categoryId,
    replacementId,
    categories: data.categories,
    transactions: data.transactions ?? [],
    budgets: data.budgets ?? [],
    moves: data.budgetMoves ?? [],
    payees: [
      { id: 'p1', name: 'Bistro', defaultCategoryId: dining.id },
      { id: 'p2', name: 'Market', defaultCategoryId: food.id },
    ],
  };
}

describe('planCategoryDeletion', () => {
  it('counts live transactions and split lines that use the category', () => {
    expect(categoryUsage(dining.id, household().transactions)).toBe(2);
    expect(categoryUsage(fun.id, household().transactions)).toBe(1);
  });

  it('moves rows, split lines and payee defaults to the replacement, folds the budget, deletes last', () => {
    const data = household();
    const plan = planCategoryDeletion(input(data, food.id));
    const [, dinner, , , line] = data.transactions;
    expect(plan.transactionCount).toBe(2);
    expect(plan.deletesCategory).toBe(true);
    expect(plan.budgetMonths).toEqual(['2026-01', '2026-02']);
    expect(plan.mutations).toEqual([
      {
        modelName: 'transactions',
        operation: 'update',
        data: { id: dinner.id, categoryId: food.id },
      },
      {
        modelName: 'transactions',
        operation: 'update',
        data: { id: line.id, categoryId: food.id },
      },
      { modelName: 'payees', operation: 'update', data: { id: 'p1', defaultCategoryId: food.id } },
      // January: 10000 typed + 1500 moved in; February: 3000 typed − 500 moved out.
      {
        modelName: 'budgets',
        operation: 'update',
        data: { id: cell(food.id, '2026-01', 0).id, budgetedMinor: 31500 },
      },
      {
        modelName: 'budgets',
        operation: 'create',
        data: {
          id: cell(food.id, '2026-02', 0).id,
          categoryId: food.id,
          month: '2026-02',
          budgetedMinor: 2500,
        },
      },
      { modelName: 'categories', operation: 'delete', data: { id: dining.id } },
    ]);
  });

  it('keeps every month’s To Budget and moves activity and available to the replacement', () => {
    const data = household();
    const after = afterMutations(data, planCategoryDeletion(input(data, food.id)).mutations);
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      const before = budgetOf(data, month);
      const now = budgetOf(after, month);
      expect(now.toBudget).toBe(before.toBudget);
      expect(now.categories.some((line) => line.categoryId === dining.id)).toBe(false);
      expect(lineOf(now, food).budgeted).toBe(
        lineOf(before, food).budgeted + lineOf(before, dining).budgeted,
      );
      expect(lineOf(now, food).activity).toBe(
        lineOf(before, food).activity + lineOf(before, dining).activity,
      );
      expect(lineOf(now, fun).available).toBe(lineOf(before, fun).available);
    }
  });

  it('without a replacement leaves rows uncategorized and releases the budgeted money', () => {
    const data = household();
    const plan = planCategoryDeletion(input(data, null));
    expect(plan.budgetMonths).toEqual([]);
    expect(plan.mutations.filter((m) => m.modelName === 'budgets')).toEqual([]);
    expect(plan.mutations.map((m) => m.data)).toContainEqual({ id: 'p1', defaultCategoryId: null });
    const after = afterMutations(data, plan.mutations);
    const jan = budgetOf(after, '2026-01');
    expect(jan.uncategorized).toBe(budgetOf(data, '2026-01').uncategorized - 4000);
    // January's 11500 budgeted in dining (10000 typed, 1500 moved in from fun) is released.
    expect(jan.toBudget).toBe(budgetOf(data, '2026-01').toBudget + 11500);
  });

  it('a category another device deleted meanwhile: its rows still move, nothing else is written', () => {
    const data = household();
    const gone = { ...data, categories: data.categories.filter((c) => c.id !== dining.id) };
    const plan = planCategoryDeletion(input(gone, food.id));
    expect(plan.deletesCategory).toBe(false);
    expect(plan.transactionCount).toBe(2);
    expect(plan.mutations.map((m) => `${m.modelName} ${m.operation}`)).toEqual([
      'transactions update',
      'transactions update',
      'payees update',
    ]);
  });

  it('refuses a replacement that is gone, itself, or of the other kind', () => {
    const data = household();
    const gone = { ...data, categories: data.categories.filter((c) => c.id !== food.id) };
    expect(() => planCategoryDeletion(input(gone, food.id))).toThrow(/deleted meanwhile/);
    expect(() => planCategoryDeletion(input(data, dining.id))).toThrow(/own transactions/);
    expect(() => planCategoryDeletion(input(data, salary.id))).toThrow(/expense category/);
    // Income into income moves rows only (income categories have no budget).
    const plan = planCategoryDeletion(input(data, bonus.id, salary.id));
    expect(plan.mutations.map((m) => `${m.modelName} ${m.operation}`)).toEqual([
      'transactions update',
      'categories delete',
    ]);
  });
});
