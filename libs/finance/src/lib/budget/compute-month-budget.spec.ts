import {
  account,
  aggregatesOf,
  budgetOf,
  category,
  cell,
  hold,
  lineOf,
  move,
  row,
  type Household,
} from '../../testing/fixtures';
import { computeBudgetMonths, computeMonthBudget } from './compute-month-budget';

const checking = account('checking');
const savings = account('savings');
const salary = category('salary', { isIncome: true, groupName: 'Income' });
const rent = category('rent', { groupName: 'Fixed', sortOrder: 1 });
const fun = category('fun', { groupName: 'Fun', sortOrder: 2 });
const groceries = category('groceries', { groupName: 'Fixed', sortOrder: 3 });

function income(date: string, amountMinor: number) {
  return row({ accountId: checking.id, date, amountMinor, categoryId: salary.id });
}

const base: Household = {
  accounts: [checking, savings],
  categories: [salary, rent, fun, groceries],
};

describe('computeMonthBudget', () => {
  it('is all zeros for a household with no data, every category listed', () => {
    const budget = budgetOf(base, '2026-05');
    expect(budget).toEqual({
      month: '2026-05',
      currency: 'EUR',
      income: 0,
      fromLastMonth: 0,
      overspentLastMonth: 0,
      totalBudgeted: 0,
      held: 0,
      toBudget: 0,
      safeToAssign: 0,
      uncategorized: 0,
      categories: [rent, groceries, fun, salary].map((each) => ({
        categoryId: each.id,
        name: each.name,
        groupName: each.groupName,
        isIncome: each.isIncome,
        hidden: false,
        carryOverspending: false,
        budgeted: 0,
        activity: 0,
        carryIn: 0,
        available: 0,
      })),
      excludedAccounts: [],
    });
  });

  it('lists expense groups in the order of their first category, income last', () => {
    const order = budgetOf(base, '2026-05').categories.map((line) => line.name);
    expect(order).toEqual(['rent', 'groceries', 'fun', 'salary']);
  });

  it('rejects a malformed month', () => {
    expect(() => budgetOf(base, '2026-13')).toThrow(RangeError);
    expect(() => budgetOf(base, '2026-5')).toThrow(RangeError);
  });

  describe('safeToAssign', () => {
    const data: Household = {
      ...base,
      transactions: [income('2026-01-01', 100000)],
      budgets: [cell(rent.id, '2026-03', 80000)],
    };

    it('is the lowest To Budget of this month and every later month with budget rows', () => {
      const months = computeBudgetMonths(aggregatesOf(data), '2026-01', '2026-04');
      expect(months.map((month) => [month.toBudget, month.safeToAssign])).toEqual([
        [100000, 20000],
        [100000, 20000],
        [20000, 20000],
        [20000, 20000],
      ]);
    });

    it('counts a later month for any budget row: an income category cell of 0, a move, a hold', () => {
      const overspentInMay = {
        ...base,
        transactions: [
          income('2026-01-01', 100000),
          row({
            accountId: checking.id,
            date: '2026-05-03',
            amountMinor: -30000,
            categoryId: fun.id,
          }),
        ],
      };
      // May's overspending comes off June's To Budget; only a budget row in June makes it count.
      expect(budgetOf(overspentInMay, '2026-01').safeToAssign).toBe(100000);
      const withIncomeCell = { ...overspentInMay, budgets: [cell(salary.id, '2026-06', 0)] };
      expect(budgetOf(withIncomeCell, '2026-01').safeToAssign).toBe(70000);
      const withMove = { ...overspentInMay, budgetMoves: [move('2026-06', fun.id, rent.id, 1)] };
      expect(budgetOf(withMove, '2026-01').safeToAssign).toBe(70000);
      const withHold = { ...overspentInMay, budgetMonths: [hold('2026-06', 0)] };
      expect(budgetOf(withHold, '2026-01').safeToAssign).toBe(70000);
      const withDeletedMove = {
        ...overspentInMay,
        budgetMoves: [{ ...move('2026-06', fun.id, rent.id, 1), deletedAt: 'gone' }],
      };
      expect(budgetOf(withDeletedMove, '2026-01').safeToAssign).toBe(100000);
    });

    it('is lowered by a hold in a later month', () => {
      const held = { ...data, budgets: [], budgetMonths: [hold('2026-03', 30000)] };
      expect(budgetOf(held, '2026-01').safeToAssign).toBe(70000);
    });
  });

  describe('the first month', () => {
    const budgetOnly: Household = { ...base, budgets: [cell(rent.id, '2026-03', 80000)] };

    it('is 0 everywhere before it, safeToAssign too', () => {
      const months = computeBudgetMonths(aggregatesOf(budgetOnly), '2026-01', '2026-03');
      expect(months.map((month) => [month.toBudget, month.safeToAssign])).toEqual([
        [0, 0],
        [0, 0],
        [-80000, -80000],
      ]);
    });

    it('starts with a transfer between budget accounts, which has no activity', () => {
      const withTransfer = {
        ...budgetOnly,
        transactions: [
          row({
            accountId: checking.id,
            date: '2026-01-09',
            amountMinor: -5,
            transferAccountId: savings.id,
          }),
        ],
      };
      expect(budgetOf(withTransfer, '2026-01')).toMatchObject({
        toBudget: 0,
        safeToAssign: -80000,
      });
    });

    it('ignores rows of off-budget accounts', () => {
      const offBudget = account('off', { onBudget: false });
      const withOffBudget = {
        ...budgetOnly,
        accounts: [checking, offBudget],
        transactions: [row({ accountId: offBudget.id, date: '2026-01-09', amountMinor: 500 })],
      };
      expect(budgetOf(withOffBudget, '2026-01').safeToAssign).toBe(0);
    });
  });

  it('keeps going after the last data: months never end', () => {
    const data = {
      ...base,
      transactions: [income('2026-01-01', 100000)],
      budgets: [cell(rent.id, '2026-01', 30000)],
    };
    expect(budgetOf(data, '2031-07')).toMatchObject({
      fromLastMonth: 70000,
      toBudget: 70000,
      safeToAssign: 70000,
    });
    expect(lineOf(budgetOf(data, '2031-07'), rent)).toMatchObject({
      carryIn: 30000,
      available: 30000,
    });
  });

  it('computes a range like single months', () => {
    const data: Household = {
      ...base,
      transactions: [
        income('2026-01-01', 100000),
        row({
          accountId: checking.id,
          date: '2026-02-03',
          amountMinor: -45000,
          categoryId: fun.id,
        }),
      ],
      budgets: [cell(fun.id, '2026-01', 20000), cell(rent.id, '2026-04', 10000)],
      budgetMonths: [hold('2026-02', 1000)],
    };
    const aggregates = aggregatesOf(data);
    const range = computeBudgetMonths(aggregates, '2025-12', '2026-05');
    expect(range.map((month) => month.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(range).toEqual(range.map((month) => computeMonthBudget(aggregates, month.month)));
  });

  describe('categories that are not live expense categories', () => {
    const deleted = { ...groceries, deletedAt: 'gone' };
    const data: Household = {
      ...base,
      categories: [salary, rent, fun, deleted],
      transactions: [
        income('2026-01-01', 100000),
        row({
          accountId: checking.id,
          date: '2026-01-02',
          amountMinor: -4000,
          categoryId: deleted.id,
        }),
        row({
          accountId: checking.id,
          date: '2026-01-03',
          amountMinor: -300,
          categoryId: 'f0000000-0000-4000-8000-000000000000',
        }),
        row({ accountId: checking.id, date: '2026-01-04', amountMinor: -20 }),
      ],
      budgets: [
        cell(deleted.id, '2026-01', 9000),
        cell(salary.id, '2026-01', 5000),
        cell(rent.id, '2026-01', 1000),
      ],
      budgetMoves: [
        move('2026-01', deleted.id, fun.id, 700),
        move('2026-01', fun.id, salary.id, 200),
        move('2026-01', null, rent.id, 50),
        move('2026-01', rent.id, null, 10),
      ],
    };

    it('are ignored when the aggregates list deleted categories (as a server query may)', () => {
      const aggregates = aggregatesOf(data);
      const withDeleted = { ...aggregates, categories: [...aggregates.categories, deleted] };
      expect(computeMonthBudget(withDeleted, '2026-01')).toEqual(
        computeMonthBudget(aggregates, '2026-01'),
      );
    });

    it('count their activity as uncategorized, their cells nowhere, and their move sides as To Budget', () => {
      const jan = budgetOf(data, '2026-01');
      expect(jan.uncategorized).toBe(-4320);
      expect(lineOf(jan, fun)).toMatchObject({ budgeted: 500, available: 500 });
      expect(lineOf(jan, rent)).toMatchObject({ budgeted: 1040, available: 1040 });
      expect(lineOf(jan, salary)).toMatchObject({
        budgeted: 0,
        activity: 100000,
        carryIn: 0,
        available: 0,
      });
      expect(jan.totalBudgeted).toBe(1540);
      expect(jan.toBudget).toBe(100000 - 1540);
      expect(jan.categories.map((line) => line.categoryId)).not.toContain(deleted.id);
    });
  });

  describe('accounts in another currency', () => {
    const dollars = account('dollars', { currency: 'USD' });
    const dollarsOffBudget = account('dollars off', { currency: 'USD', onBudget: false });
    const closedEuro = account('closed euro', { closed: true });
    const data: Household = {
      ...base,
      accounts: [checking, dollars, dollarsOffBudget, closedEuro],
      transactions: [
        row({
          accountId: dollars.id,
          date: '2026-01-01',
          amountMinor: 500000,
          categoryId: salary.id,
        }),
        row({
          accountId: closedEuro.id,
          date: '2026-01-01',
          amountMinor: 1000,
          categoryId: salary.id,
        }),
        // EUR → USD, categorized: an outflow of the budget on the EUR side only.
        row({
          accountId: checking.id,
          date: '2026-01-02',
          amountMinor: -10000,
          categoryId: fun.id,
          transferAccountId: dollars.id,
          transferAmountMinor: 10850,
        }),
        // USD → EUR, categorized as income: counts with the EUR amount booked.
        row({
          accountId: dollars.id,
          date: '2026-01-03',
          amountMinor: -21700,
          categoryId: salary.id,
          transferAccountId: checking.id,
          transferAmountMinor: 20000,
        }),
      ],
    };

    it('are left out of the budget and listed; closed accounts count', () => {
      const jan = budgetOf(data, '2026-01');
      expect(jan.excludedAccounts).toEqual([dollars.id]);
      expect(jan.income).toBe(21000);
      expect(lineOf(jan, fun).activity).toBe(-10000);
    });

    it('follow the budget currency', () => {
      const jan = budgetOf({ ...data, currency: 'USD' }, '2026-01');
      expect(jan.currency).toBe('USD');
      expect(jan.excludedAccounts).toEqual([checking.id, closedEuro.id].sort());
      expect(jan.income).toBe(500000 - 21700);
      expect(lineOf(jan, fun).activity).toBe(10850);
    });
  });
});
