import {
  account,
  afterMutations,
  budgetOf,
  category,
  cell,
  lineOf,
  row,
  sequentialIds,
  type Household,
} from '../../testing/fixtures';
import { moveMoney } from './move-money';

const groceries = category('groceries');
const fun = category('fun');
const rent = category('rent');

describe('moveMoney', () => {
  it('is one budget_moves create with a fresh id', () => {
    expect(
      moveMoney({
        month: '2026-01',
        fromCategoryId: groceries.id,
        toCategoryId: null,
        amountMinor: 2500,
        note: 'back to the pot',
        newId: () => 'a0000000-0000-4000-8000-000000000001',
      }),
    ).toEqual([
      {
        modelName: 'budget_moves',
        operation: 'create',
        data: {
          id: 'a0000000-0000-4000-8000-000000000001',
          month: '2026-01',
          fromCategoryId: groceries.id,
          toCategoryId: null,
          amountMinor: 2500,
          note: 'back to the pot',
        },
      },
    ]);
  });

  it('writes nothing for 0 or a move to the same place, and refuses negative amounts', () => {
    const base = { month: '2026-01', fromCategoryId: fun.id, toCategoryId: rent.id };
    expect(moveMoney({ ...base, amountMinor: 0 })).toEqual([]);
    expect(moveMoney({ ...base, toCategoryId: fun.id, amountMinor: 5 })).toEqual([]);
    expect(
      moveMoney({ ...base, fromCategoryId: null, toCategoryId: null, amountMinor: 5 }),
    ).toEqual([]);
    expect(() => moveMoney({ ...base, amountMinor: -5 })).toThrow(RangeError);
  });

  it('keeps both of two moves made offline out of one category (no lost update)', () => {
    const checking = account('checking');
    const salary = category('salary', { isIncome: true });
    const data: Household = {
      accounts: [checking],
      categories: [salary, groceries, fun, rent],
      transactions: [
        row({
          accountId: checking.id,
          date: '2026-01-01',
          amountMinor: 200000,
          categoryId: salary.id,
        }),
      ],
      budgets: [
        cell(groceries.id, '2026-01', 40000),
        cell(fun.id, '2026-01', 10000),
        cell(rent.id, '2026-01', 120000),
      ],
    };
    const ids = sequentialIds('move');
    const deviceOne = moveMoney({
      month: '2026-01',
      fromCategoryId: groceries.id,
      toCategoryId: fun.id,
      amountMinor: 5000,
      newId: ids,
    });
    const deviceTwo = moveMoney({
      month: '2026-01',
      fromCategoryId: groceries.id,
      toCategoryId: rent.id,
      amountMinor: 10000,
      newId: ids,
    });
    const jan = budgetOf(afterMutations(data, [...deviceOne, ...deviceTwo]), '2026-01');
    expect([
      lineOf(jan, groceries).budgeted,
      lineOf(jan, fun).budgeted,
      lineOf(jan, rent).budgeted,
    ]).toEqual([25000, 15000, 130000]);
    expect(jan.totalBudgeted).toBe(170000);
    expect(jan.toBudget).toBe(30000);
  });

  it('from To Budget adds to the category only; To Budget follows through the total budgeted', () => {
    const data: Household = { accounts: [], categories: [fun] };
    const jan = budgetOf(
      afterMutations(
        data,
        moveMoney({
          month: '2026-01',
          fromCategoryId: null,
          toCategoryId: fun.id,
          amountMinor: 700,
        }),
      ),
      '2026-01',
    );
    expect([lineOf(jan, fun).budgeted, jan.toBudget]).toEqual([700, -700]);
  });
});
