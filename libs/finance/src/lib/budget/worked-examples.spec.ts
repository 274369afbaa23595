/**
 * The worked examples E1–E10 of the finance research (§2.7) with their exact numbers; E5 (income
 * auto-hold) and the YNAB column of E8 are not part of the contract and are left out.
 */
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
import { accountBalances } from '../ledger/account-balances';
import { coverOverspending } from '../budget-actions/cover-overspending';
import { holdForNextMonth } from '../budget-actions/hold-for-next-month';
import type { MonthBudget } from './month-budget';

const JAN = '2026-01';
const FEB = '2026-02';
const checking = account('checking');
const savings = account('savings');
const card = account('card');
const brokerage = account('brokerage', { onBudget: false });
const salary = category('salary', { isIncome: true });
const rent = category('rent');
const groceries = category('groceries');
const fun = category('fun');
const household = category('household');
const investing = category('investing');

function income(date: string, amountMinor: number, into = checking) {
  return row({ accountId: into.id, date, amountMinor, categoryId: salary.id });
}

function spend(date: string, amountMinor: number, on: { id: string }, from = checking) {
  return row({ accountId: from.id, date, amountMinor, categoryId: on.id });
}

function summary(budget: MonthBudget) {
  const { income, fromLastMonth, overspentLastMonth, totalBudgeted, held, toBudget } = budget;
  return { income, fromLastMonth, overspentLastMonth, totalBudgeted, held, toBudget };
}

function line(budget: MonthBudget, of: Parameters<typeof lineOf>[1]) {
  const { budgeted, activity, carryIn, available } = lineOf(budget, of);
  return { budgeted, activity, carryIn, available };
}

function onBudgetTotal(data: Household, month: string, accounts = [checking, savings, card]) {
  const balances = accountBalances(data.transactions ?? [], data.accounts, {
    asOf: `${month}-31`,
  });
  return accounts.reduce((sum, each) => sum + (balances.get(each.id) ?? 0), 0);
}

describe('E1: a basic month with positive rollover', () => {
  const data: Household = {
    accounts: [checking],
    categories: [salary, rent, groceries, fun],
    transactions: [
      income('2026-01-01', 300000),
      spend('2026-01-02', -120000, rent),
      spend('2026-01-10', -35000, groceries),
      spend('2026-01-20', -2000, fun),
      income('2026-02-01', 300000),
      spend('2026-02-10', -42000, groceries),
    ],
    budgets: [
      cell(rent.id, JAN, 120000),
      cell(groceries.id, JAN, 40000),
      cell(fun.id, JAN, 10000),
      cell(rent.id, FEB, 120000),
      cell(groceries.id, FEB, 40000),
      cell(fun.id, FEB, 10000),
    ],
  };

  it('January: categories and To Budget', () => {
    const jan = budgetOf(data, JAN);
    expect(line(jan, rent)).toEqual({
      budgeted: 120000,
      activity: -120000,
      carryIn: 0,
      available: 0,
    });
    expect(line(jan, groceries)).toEqual({
      budgeted: 40000,
      activity: -35000,
      carryIn: 0,
      available: 5000,
    });
    expect(line(jan, fun)).toEqual({
      budgeted: 10000,
      activity: -2000,
      carryIn: 0,
      available: 8000,
    });
    expect(summary(jan)).toEqual({
      income: 300000,
      fromLastMonth: 0,
      overspentLastMonth: 0,
      totalBudgeted: 170000,
      held: 0,
      toBudget: 130000,
    });
    expect(onBudgetTotal(data, JAN)).toBe(143000);
    expect(jan.toBudget + 0 + 5000 + 8000).toBe(143000);
  });

  it('February: positive balances roll forward', () => {
    const feb = budgetOf(data, FEB);
    expect(line(feb, groceries)).toEqual({
      budgeted: 40000,
      activity: -42000,
      carryIn: 5000,
      available: 3000,
    });
    expect(line(feb, fun)).toEqual({
      budgeted: 10000,
      activity: 0,
      carryIn: 8000,
      available: 18000,
    });
    expect(feb.toBudget).toBe(260000);
    expect(feb.fromLastMonth).toBe(130000);
  });
});

describe('E2/E3: overspending', () => {
  const data = (carryOverspending: boolean): Household => ({
    accounts: [checking],
    categories: [salary, { ...groceries, carryOverspending }],
    transactions: [income('2026-01-01', 100000), spend('2026-01-05', -35000, groceries)],
    budgets: [cell(groceries.id, JAN, 30000), cell(groceries.id, FEB, 30000)],
  });

  it('E2: by default the overspending is reset in the category and taken from next month’s To Budget', () => {
    const jan = budgetOf(data(false), JAN);
    expect(line(jan, groceries).available).toBe(-5000);
    expect(jan.toBudget).toBe(70000);
    const feb = budgetOf(data(false), FEB);
    expect(line(feb, groceries)).toEqual({
      budgeted: 30000,
      activity: 0,
      carryIn: 0,
      available: 30000,
    });
    expect(feb.overspentLastMonth).toBe(-5000);
    expect(feb.toBudget).toBe(35000);
    expect(onBudgetTotal(data(false), FEB)).toBe(65000);
    expect(feb.toBudget + 30000).toBe(65000);
  });

  it('E3: with carry-over the overspending stays in the category and To Budget is untouched', () => {
    const feb = budgetOf(data(true), FEB);
    expect(line(feb, groceries)).toEqual({
      budgeted: 30000,
      activity: 0,
      carryIn: -5000,
      available: 25000,
    });
    expect(feb.overspentLastMonth).toBe(0);
    expect(feb.toBudget).toBe(40000);
    expect(feb.toBudget + 25000).toBe(65000);
  });
});

describe('E4: hold for next month, with clamps', () => {
  const data: Household = {
    accounts: [checking],
    categories: [salary, rent],
    transactions: [income('2026-01-01', 200000), spend('2026-01-02', -100000, rent)],
    budgets: [cell(rent.id, JAN, 100000), cell(rent.id, FEB, 100000)],
    budgetMonths: [],
  };

  it('holding 60000 moves it from this month’s To Budget to next month', () => {
    const before = budgetOf(data, JAN);
    expect(before.toBudget).toBe(100000);
    const result = holdForNextMonth({ budget: before, amountMinor: 60000, budgetMonths: [] });
    expect(result.heldMinor).toBe(60000);
    const held = afterMutations(data, result.mutations);
    const jan = budgetOf(held, JAN);
    expect(jan.held).toBe(60000);
    expect(jan.toBudget).toBe(40000);
    expect(onBudgetTotal(held, JAN)).toBe(jan.toBudget + jan.held + 0);
    const feb = budgetOf(held, FEB);
    expect(feb.fromLastMonth).toBe(100000);
    expect(feb.toBudget).toBe(0);
  });

  it('holds at most To Budget', () => {
    const result = holdForNextMonth({
      budget: budgetOf(data, JAN),
      amountMinor: 150000,
      budgetMonths: [],
    });
    expect(result.heldMinor).toBe(100000);
    expect(budgetOf(afterMutations(data, result.mutations), JAN).held).toBe(100000);
  });

  it('does nothing when To Budget is not positive', () => {
    const overBudgeted = { ...data, budgets: [cell(rent.id, JAN, 200000)] };
    const budget = budgetOf(overBudgeted, JAN);
    expect(budget.toBudget).toBe(0);
    expect(holdForNextMonth({ budget, amountMinor: 5000, budgetMonths: [] })).toEqual({
      heldMinor: 0,
      changeMinor: 0,
      mutations: [],
    });
  });

  it('a negative hold releases at most what is held', () => {
    const first = holdForNextMonth({
      budget: budgetOf(data, JAN),
      amountMinor: 60000,
      budgetMonths: [],
    });
    const held = afterMutations(data, first.mutations);
    const release = holdForNextMonth({
      budget: budgetOf(held, JAN),
      amountMinor: -80000,
      budgetMonths: held.budgetMonths ?? [],
    });
    expect(release).toMatchObject({ heldMinor: 0, changeMinor: -60000 });
    expect(release.mutations).toEqual([
      {
        modelName: 'budget_months',
        operation: 'update',
        data: { id: first.mutations[0].data.id, heldMinor: 0 },
      },
    ]);
    expect(budgetOf(afterMutations(held, release.mutations), JAN).toBudget).toBe(100000);
  });
});

describe('E6: transfers and an off-budget account', () => {
  const data: Household = {
    accounts: [checking, savings, brokerage],
    categories: [salary, investing, groceries],
    transactions: [
      income('2026-01-01', 200000),
      // A category on a transfer between two budget accounts is accepted and ignored.
      row({
        accountId: checking.id,
        date: '2026-01-02',
        amountMinor: -50000,
        transferAccountId: savings.id,
        categoryId: groceries.id,
      }),
      row({
        accountId: checking.id,
        date: '2026-01-03',
        amountMinor: -30000,
        transferAccountId: brokerage.id,
        categoryId: investing.id,
      }),
    ],
    budgets: [cell(investing.id, JAN, 30000)],
  };

  it('only the on↔off transfer is activity, on its budget side', () => {
    const jan = budgetOf(data, JAN);
    expect(line(jan, investing)).toEqual({
      budgeted: 30000,
      activity: -30000,
      carryIn: 0,
      available: 0,
    });
    expect(line(jan, groceries).activity).toBe(0);
    expect(jan.toBudget).toBe(170000);
    const balances = accountBalances(data.transactions ?? [], data.accounts);
    expect([
      balances.get(checking.id),
      balances.get(savings.id),
      balances.get(brokerage.id),
    ]).toEqual([120000, 50000, 30000]);
    expect(onBudgetTotal(data, JAN, [checking, savings])).toBe(170000);
  });
});

describe('E7: a credit card in the budget (Actual model)', () => {
  const base: Household = {
    accounts: [checking, card],
    categories: [salary, groceries],
    transactions: [income('2026-01-01', 100000), spend('2026-01-05', -15000, groceries, card)],
    budgets: [cell(groceries.id, JAN, 20000)],
  };
  const paid: Household = {
    ...base,
    transactions: [
      ...(base.transactions ?? []),
      row({
        accountId: checking.id,
        date: '2026-01-20',
        amountMinor: -15000,
        transferAccountId: card.id,
      }),
    ],
  };

  it('the purchase is category activity; paying the card changes nothing in the budget', () => {
    for (const data of [base, paid]) {
      const jan = budgetOf(data, JAN);
      expect(jan.toBudget).toBe(80000);
      expect(line(jan, groceries).available).toBe(5000);
      expect(onBudgetTotal(data, JAN, [checking, card])).toBe(85000);
    }
    const balances = accountBalances(paid.transactions ?? [], paid.accounts);
    expect([balances.get(checking.id), balances.get(card.id)]).toEqual([85000, 0]);
  });
});

describe('E8: credit overspending (Actual column)', () => {
  const data: Household = {
    accounts: [checking, card],
    categories: [salary, groceries],
    transactions: [income('2026-01-01', 100000), spend('2026-01-05', -25000, groceries, card)],
    budgets: [cell(groceries.id, JAN, 20000), cell(groceries.id, FEB, 0)],
  };

  it('card overspending is deducted from next month’s To Budget like cash', () => {
    const jan = budgetOf(data, JAN);
    expect(line(jan, groceries).available).toBe(-5000);
    expect(jan.toBudget).toBe(80000);
    const feb = budgetOf(data, FEB);
    expect(line(feb, groceries).available).toBe(0);
    expect(feb.toBudget).toBe(75000);
  });
});

describe('E9: cover overspending', () => {
  const data: Household = {
    accounts: [checking],
    categories: [salary, groceries, fun],
    transactions: [income('2026-01-01', 6000), spend('2026-01-05', -3000, fun)],
    budgets: [cell(groceries.id, JAN, 5000)],
    budgetMoves: [],
  };

  it('starts with Fun −3000, Groceries 5000 and To Budget 1000', () => {
    const jan = budgetOf(data, JAN);
    expect([line(jan, fun).available, line(jan, groceries).available, jan.toBudget]).toEqual([
      -3000, 5000, 1000,
    ]);
  });

  it('from Groceries: covers all 3000, To Budget unchanged', () => {
    const result = coverOverspending({
      budget: budgetOf(data, JAN),
      categoryId: fun.id,
      fromCategoryId: groceries.id,
      newId: sequentialIds('cover'),
    });
    expect(result.coveredMinor).toBe(3000);
    const jan = budgetOf(afterMutations(data, result.mutations), JAN);
    expect([line(jan, fun).available, line(jan, groceries).available, jan.toBudget]).toEqual([
      0, 2000, 1000,
    ]);
  });

  it('from To Budget (1000): covers 1000, To Budget 0', () => {
    const result = coverOverspending({
      budget: budgetOf(data, JAN),
      categoryId: fun.id,
      fromCategoryId: null,
      newId: sequentialIds('cover'),
    });
    expect(result.coveredMinor).toBe(1000);
    const jan = budgetOf(afterMutations(data, result.mutations), JAN);
    expect([line(jan, fun).available, jan.toBudget]).toEqual([-2000, 0]);
  });
});

describe('E10: splits in the budget', () => {
  const split = (secondChildMinor: number): Household => {
    const parent = row({ accountId: checking.id, date: '2026-01-15', amountMinor: -10000 });
    return {
      accounts: [checking],
      categories: [groceries, household],
      transactions: [
        parent,
        row({
          accountId: checking.id,
          date: '2026-01-15',
          amountMinor: -6000,
          parentId: parent.id,
          categoryId: groceries.id,
        }),
        row({
          accountId: checking.id,
          date: '2026-01-15',
          amountMinor: secondChildMinor,
          parentId: parent.id,
          categoryId: household.id,
        }),
      ],
    };
  };

  it('children are the activity; the parent adds nothing', () => {
    const jan = budgetOf(split(-4000), JAN);
    expect([
      line(jan, groceries).activity,
      line(jan, household).activity,
      jan.uncategorized,
    ]).toEqual([-6000, -4000, 0]);
  });

  it('a bad sum: the balance keeps the parent amount, the remainder is uncategorized', () => {
    const data = split(-5000);
    const jan = budgetOf(data, JAN);
    expect([
      line(jan, groceries).activity,
      line(jan, household).activity,
      jan.uncategorized,
    ]).toEqual([-6000, -5000, 1000]);
    expect(onBudgetTotal(data, JAN, [checking])).toBe(-10000);
    expect(
      jan.toBudget +
        jan.held +
        line(jan, groceries).available +
        line(jan, household).available +
        jan.uncategorized,
    ).toBe(-10000);
  });
});
