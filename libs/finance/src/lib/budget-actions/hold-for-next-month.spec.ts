import { budgetMonthId } from '../core/ids';
import {
  account,
  afterMutations,
  budgetOf,
  category,
  cell,
  hold,
  row,
  type Household,
} from '../../testing/fixtures';
import { holdForNextMonth, releaseHold } from './hold-for-next-month';

const checking = account('checking');
const salary = category('salary', { isIncome: true });
const rent = category('rent');

function household(rentMinor: number, heldMinor?: number): Household {
  return {
    accounts: [checking],
    categories: [salary, rent],
    transactions: [
      row({
        accountId: checking.id,
        date: '2026-01-01',
        amountMinor: 100000,
        categoryId: salary.id,
      }),
    ],
    budgets: [cell(rent.id, '2026-01', rentMinor)],
    budgetMonths: heldMinor === undefined ? [] : [hold('2026-01', heldMinor)],
  };
}

function inputFor(data: Household) {
  return { budget: budgetOf(data, '2026-01'), budgetMonths: data.budgetMonths ?? [] };
}

describe('holdForNextMonth', () => {
  it('creates the month row with its deterministic id, then updates it', () => {
    const created = holdForNextMonth({ ...inputFor(household(0)), amountMinor: 30000 });
    expect(created.mutations).toEqual([
      {
        modelName: 'budget_months',
        operation: 'create',
        data: { id: budgetMonthId('2026-01'), month: '2026-01', heldMinor: 30000 },
      },
    ]);
    const updated = holdForNextMonth({ ...inputFor(household(0, 30000)), amountMinor: 5000 });
    expect(updated).toEqual({
      heldMinor: 35000,
      changeMinor: 5000,
      mutations: [
        {
          modelName: 'budget_months',
          operation: 'update',
          data: { id: budgetMonthId('2026-01'), heldMinor: 35000 },
        },
      ],
    });
  });

  it('holds at most what To Budget has', () => {
    // To Budget = 100000 − 30000 held − 50000 budgeted = 20000.
    expect(
      holdForNextMonth({ ...inputFor(household(50000, 30000)), amountMinor: 999999 }),
    ).toMatchObject({
      heldMinor: 50000,
      changeMinor: 20000,
    });
  });
});

describe('releaseHold', () => {
  it('releases even when To Budget is negative, at most what is held', () => {
    const data = household(120000, 10000);
    expect(budgetOf(data, '2026-01').toBudget).toBe(-30000);
    expect(holdForNextMonth({ ...inputFor(data), amountMinor: -4000 }).mutations).toEqual([]);
    const partly = releaseHold({ ...inputFor(data), amountMinor: 4000 });
    expect(partly).toMatchObject({ heldMinor: 6000, changeMinor: -4000 });
    expect(budgetOf(afterMutations(data, partly.mutations), '2026-01').toBudget).toBe(-26000);
    expect(releaseHold({ ...inputFor(data), amountMinor: 50000 })).toMatchObject({
      heldMinor: 0,
      changeMinor: -10000,
    });
  });

  it('releases everything without an amount, and nothing when nothing is held', () => {
    expect(releaseHold(inputFor(household(0, 10000)))).toMatchObject({
      heldMinor: 0,
      changeMinor: -10000,
    });
    expect(releaseHold(inputFor(household(0)))).toEqual({
      heldMinor: 0,
      changeMinor: 0,
      mutations: [],
    });
  });
});
