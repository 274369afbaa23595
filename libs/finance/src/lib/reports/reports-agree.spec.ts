/**
 * The reports as properties over random households, each tied to a path computed another way:
 * net worth and cash-flow net to the ledger's balances (contributions), spending and the
 * budget-currency group's income to the envelope budget's activity (§3), and every cash-flow
 * month to `net = income + expense + transfers`.
 */
import fc from 'fast-check';
import { lastDayOf, previousMonth } from '../core/month';
import {
  isLive,
  type BudgetCategory,
  type LedgerAccount,
  type LedgerTransaction,
} from '../core/rows';
import { buildBudgetAggregates } from '../budget/build-budget-aggregates';
import { computeBudgetMonths } from '../budget/compute-month-budget';
import { accountBalances } from '../ledger/account-balances';
import { buildReportAggregates } from './build-report-aggregates';
import { cashFlowReport } from './cash-flow-report';
import { netWorthReport } from './net-worth-report';
import { spendingReport } from './spending-report';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];
const FROM = '2026-02';
const TO = '2026-05';

const ACCOUNTS: LedgerAccount[] = [
  { id: 'on', currency: 'EUR', onBudget: true, closed: false },
  { id: 'on-closed', currency: 'EUR', onBudget: true, closed: true },
  { id: 'off', currency: 'EUR', onBudget: false },
  { id: 'usd-on', currency: 'USD', onBudget: true },
  { id: 'usd-off', currency: 'USD', onBudget: false },
  { id: 'on-deleted', currency: 'EUR', onBudget: true, deletedAt: 'gone' },
];
const LIVE_ACCOUNTS = ACCOUNTS.filter(isLive);
const ACCOUNT_IDS = ACCOUNTS.map((each) => each.id);
const CATEGORY_IDS = ['salary', 'rent', 'food', 'old'];
const CATEGORIES: BudgetCategory[] = CATEGORY_IDS.map((id) => ({
  id,
  name: id,
  groupName: 'All',
  isIncome: id === 'salary',
  hidden: false,
  deletedAt: id === 'old' ? 'deleted' : null,
}));

const amount = fc.integer({ min: -200000, max: 200000 });
const date = fc
  .tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 28 }))
  .map(([m, d]) => `${m}-${String(d).padStart(2, '0')}`);
const leg = fc.record({
  accountId: fc.constantFrom(...ACCOUNT_IDS),
  date,
  amountMinor: amount,
  categoryId: fc.constantFrom(null, ...CATEGORY_IDS, 'unknown-category'),
  transferAccountId: fc.constantFrom(null, null, ...ACCOUNT_IDS, 'unknown-account'),
  transferAmountMinor: fc.option(amount, { nil: null }),
  /** Index of an earlier row to hang this one under: a split line, or a dead one. */
  parent: fc.option(fc.nat(), { freq: 3, nil: null }),
  deleted: fc.boolean().map((deleted) => (deleted ? 'deleted' : null)),
});

type Leg = typeof leg extends fc.Arbitrary<infer L> ? L : never;

function household(legs: readonly Leg[]): LedgerTransaction[] {
  const rows: LedgerTransaction[] = [];
  for (const each of legs) {
    const { parent, deleted, ...fields } = each;
    const parentRow = parent === null ? undefined : rows[parent % Math.max(1, rows.length)];
    rows.push({
      ...fields,
      id: `t${rows.length}`,
      cleared: false,
      reconciled: false,
      parentId: parent === null ? null : (parentRow?.id ?? 'missing'),
      deletedAt: deleted,
    });
  }
  return rows;
}

const households = fc.tuple(fc.array(leg, { maxLength: 40 }), fc.constantFrom('EUR', 'USD'));

describe('the reports', () => {
  it('agree with the ledger balances: net worth and cash-flow net', () => {
    fc.assert(
      fc.property(households, ([legs, currency]) => {
        const transactions = household(legs);
        const aggregates = buildReportAggregates({
          currency,
          transactions,
          accounts: ACCOUNTS,
          categories: CATEGORIES,
        });
        const netWorth = netWorthReport(aggregates, FROM, TO);
        // Net worth reads accounts and months only: the categories may be summed away.
        const flows = aggregates.flows.map((flow) => ({ ...flow, categoryId: null }));
        expect(netWorthReport({ ...aggregates, flows }, FROM, TO)).toEqual(netWorth);
        const cashFlow = cashFlowReport(aggregates, FROM, TO);
        const balancesAt = (month: string) =>
          accountBalances(transactions, ACCOUNTS, { asOf: lastDayOf(month) });
        for (const group of netWorth.currencies) {
          for (const { month, assets, debts, net } of group.months) {
            const balances = LIVE_ACCOUNTS.filter((a) => a.currency === group.currency).map(
              (a) => balancesAt(month).get(a.id) ?? 0,
            );
            const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
            expect({ month, assets, debts, net }).toEqual({
              month,
              assets: sum(balances.filter((b) => b > 0)),
              debts: sum(balances.filter((b) => b < 0)),
              net: sum(balances),
            });
          }
        }
        for (const group of cashFlow.currencies) {
          const members = LIVE_ACCOUNTS.filter(
            (a) => a.onBudget === true && a.currency === group.currency,
          );
          const total = (month: string) =>
            members.reduce((sum, a) => sum + (balancesAt(month).get(a.id) ?? 0), 0);
          for (const { month, income, expense, transfers, net } of group.months) {
            expect(net).toBe(total(month) - total(previousMonth(month)));
            expect(income + expense + transfers).toBe(net);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agree with the budget: spending is −activity, budget-currency income is the budget’s', () => {
    fc.assert(
      fc.property(households, ([legs, currency]) => {
        const transactions = household(legs);
        const rows = { currency, transactions, accounts: ACCOUNTS, categories: CATEGORIES };
        const aggregates = buildReportAggregates(rows);
        const spending = spendingReport(aggregates, FROM, TO);
        const budgets = computeBudgetMonths(
          buildBudgetAggregates({ ...rows, budgets: [], budgetMoves: [], budgetMonths: [] }),
          FROM,
          TO,
        );
        const cashFlow = cashFlowReport(aggregates, FROM, TO).currencies.find(
          (group) => group.currency === currency,
        );
        budgets.forEach((budget, slot) => {
          const expenses = budget.categories.filter((line) => !line.isIncome);
          expect(spending.categories.map((line) => [line.categoryId, line.amounts[slot]])).toEqual(
            expenses.map((line) => [line.categoryId, 0 - line.activity]),
          );
          expect(spending.uncategorized[slot]).toBe(0 - budget.uncategorized);
          const total = expenses.reduce((sum, line) => sum + line.activity, budget.uncategorized);
          expect(spending.totals[slot]).toBe(0 - total);
          // The budget-currency group is the budget's accounts: same income, and its expense
          // and transfers are everything the budget counts outside income.
          const month = cashFlow?.months[slot];
          expect(month?.income ?? 0).toBe(budget.income);
          expect((month?.expense ?? 0) + (month?.transfers ?? 0)).toBe(total);
        });
      }),
      { numRuns: 300 },
    );
  });
});
