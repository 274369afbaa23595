/**
 * The envelope invariant of FINANCE §3 as a property over random households: for every month M,
 * Σ balances of on-budget accounts at the end of M
 *   = toBudget(M) + held(M) + Σ_c available(c, M) + Σ_{m ≤ M} uncategorized(m).
 * Balances come from the ledger (contributions), the right side from the monthly aggregates, so
 * the property ties the two paths together.
 */
import fc from 'fast-check';
import { lastDayOf } from '../core/month';
import type {
  BudgetCategory,
  BudgetCellRow,
  BudgetMonthRow,
  BudgetMoveRow,
  LedgerAccount,
  LedgerTransaction,
} from '../core/rows';
import { accountBalances } from '../ledger/account-balances';
import { buildBudgetAggregates } from './build-budget-aggregates';
import { computeBudgetMonths } from './compute-month-budget';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const FIRST_CHECKED = '2025-12';
const LAST_CHECKED = '2026-08';

const ACCOUNTS: LedgerAccount[] = [
  { id: 'on', currency: 'EUR', onBudget: true, closed: false },
  { id: 'on-closed', currency: 'EUR', onBudget: true, closed: true },
  { id: 'off', currency: 'EUR', onBudget: false },
  { id: 'usd-on', currency: 'USD', onBudget: true },
  { id: 'usd-off', currency: 'USD', onBudget: false },
  { id: 'on-deleted', currency: 'EUR', onBudget: true, deletedAt: 'gone' },
];
const ACCOUNT_IDS = ACCOUNTS.map((each) => each.id);
const TRANSFER_TARGETS = [null, ...ACCOUNT_IDS, 'unknown-account'];
const CATEGORY_IDS = ['salary', 'bonus', 'rent', 'food', 'fun', 'car'];
const CATEGORY_CHOICES = [null, ...CATEGORY_IDS, 'unknown-category'];

function initialCategories(carry: readonly boolean[]): BudgetCategory[] {
  return CATEGORY_IDS.map((id, index) => ({
    id,
    name: id,
    groupName: index < 2 ? 'Income' : 'Spending',
    isIncome: index < 2,
    hidden: index === 5,
    carryOverspending: carry[index],
  }));
}

const amount = fc.integer({ min: -200000, max: 200000 });
const month = fc.constantFrom(...MONTHS);
const day = fc.integer({ min: 1, max: 28 });
const date = fc.tuple(month, day).map(([m, d]) => `${m}-${String(d).padStart(2, '0')}`);
const legFields = {
  accountId: fc.constantFrom(...ACCOUNT_IDS),
  date,
  amountMinor: amount,
  categoryId: fc.constantFrom(...CATEGORY_CHOICES),
  transferAccountId: fc.constantFrom(...TRANSFER_TARGETS),
  transferAmountMinor: fc.option(amount, { nil: null }),
};

const event = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('row' as const), ...legFields }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('split' as const),
      parent: fc.record(legFields),
      children: fc.array(fc.record(legFields), { minLength: 1, maxLength: 3 }),
      balanced: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('child-of' as const),
      target: fc.nat(),
      leg: fc.record(legFields),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete-row' as const), target: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      categoryId: fc.constantFrom(...CATEGORY_IDS, 'unknown-category'),
      month,
      budgetedMinor: fc.integer({ min: -50000, max: 150000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      month,
      fromCategoryId: fc.constantFrom(...CATEGORY_CHOICES),
      toCategoryId: fc.constantFrom(...CATEGORY_CHOICES),
      amountMinor: fc.integer({ min: 1, max: 100000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete-move' as const), target: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hold' as const),
      month,
      heldMinor: fc.integer({ min: 0, max: 100000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete-category' as const),
      categoryId: fc.constantFrom(...CATEGORY_IDS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('toggle-carry' as const),
      categoryId: fc.constantFrom(...CATEGORY_IDS),
    }),
  },
);

type Event = typeof event extends fc.Arbitrary<infer E> ? E : never;

interface State {
  transactions: LedgerTransaction[];
  categories: BudgetCategory[];
  budgets: BudgetCellRow[];
  budgetMoves: BudgetMoveRow[];
  budgetMonths: BudgetMonthRow[];
}

function replay(carry: readonly boolean[], events: readonly Event[]): State {
  const state: State = {
    transactions: [],
    categories: initialCategories(carry),
    budgets: [],
    budgetMoves: [],
    budgetMonths: [],
  };
  let nextId = 0;
  const newRow = (
    leg: Omit<LedgerTransaction, 'id' | 'cleared' | 'reconciled'>,
    parentId: string | null = null,
  ) => {
    const created = { ...leg, id: `t${++nextId}`, cleared: false, reconciled: false, parentId };
    state.transactions.push(created);
    return created;
  };
  for (const each of events) {
    switch (each.kind) {
      case 'row': {
        const { kind: _kind, ...leg } = each;
        newRow(leg);
        break;
      }
      case 'split': {
        const sum = each.children.reduce((total, child) => total + child.amountMinor, 0);
        const parent = newRow({
          ...each.parent,
          amountMinor: each.balanced ? sum : each.parent.amountMinor,
        });
        for (const child of each.children) newRow(child, parent.id);
        break;
      }
      case 'child-of': {
        // Any row: a plain one becomes a split parent, a child makes a (dead) nested split, a
        // deleted one a dead child.
        const target = state.transactions[each.target % Math.max(1, state.transactions.length)];
        newRow(each.leg, target ? target.id : 'missing-parent');
        break;
      }
      case 'delete-row': {
        const index = each.target % Math.max(1, state.transactions.length);
        const target = state.transactions[index];
        if (target) state.transactions[index] = { ...target, deletedAt: 'deleted' };
        break;
      }
      case 'cell': {
        const id = `${each.categoryId}:${each.month}`;
        state.budgets = state.budgets.filter((existing) => existing.id !== id);
        state.budgets.push({
          id,
          categoryId: each.categoryId,
          month: each.month,
          budgetedMinor: each.budgetedMinor,
        });
        break;
      }
      case 'move':
        state.budgetMoves.push({ ...each, id: `m${++nextId}` });
        break;
      case 'delete-move': {
        const index = each.target % Math.max(1, state.budgetMoves.length);
        const target = state.budgetMoves[index];
        if (target) state.budgetMoves[index] = { ...target, deletedAt: 'deleted' };
        break;
      }
      case 'hold': {
        const id = `month:${each.month}`;
        state.budgetMonths = state.budgetMonths.filter((existing) => existing.id !== id);
        state.budgetMonths.push({ id, month: each.month, heldMinor: each.heldMinor });
        break;
      }
      case 'delete-category':
        state.categories = state.categories.map((existing) =>
          existing.id === each.categoryId ? { ...existing, deletedAt: 'deleted' } : existing,
        );
        break;
      case 'toggle-carry':
        state.categories = state.categories.map((existing) =>
          existing.id === each.categoryId
            ? { ...existing, carryOverspending: !existing.carryOverspending }
            : existing,
        );
        break;
    }
  }
  return state;
}

/** Months at which the invariant is checked, with the two sides of its equation. */
function invariantSides(
  currency: string,
  state: State,
): { month: string; balances: number; budget: number }[] {
  const aggregates = buildBudgetAggregates({ currency, accounts: ACCOUNTS, ...state });
  const onBudget = ACCOUNTS.filter(
    (each) => each.onBudget && each.currency === currency && !each.deletedAt,
  );
  let uncategorizedSoFar = 0;
  return computeBudgetMonths(aggregates, FIRST_CHECKED, LAST_CHECKED).map((budget) => {
    uncategorizedSoFar += budget.uncategorized;
    const balances = accountBalances(state.transactions, ACCOUNTS, {
      asOf: lastDayOf(budget.month),
    });
    const available = budget.categories.reduce((sum, line) => sum + line.available, 0);
    return {
      month: budget.month,
      balances: onBudget.reduce((sum, each) => sum + (balances.get(each.id) ?? 0), 0),
      budget: budget.toBudget + budget.held + available + uncategorizedSoFar,
    };
  });
}

describe('the envelope invariant', () => {
  it('holds for every month of random households', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: CATEGORY_IDS.length, maxLength: CATEGORY_IDS.length }),
        fc.array(event, { maxLength: 40 }),
        fc.constantFrom('EUR', 'USD'),
        (carry, events, currency) => {
          for (const sides of invariantSides(currency, replay(carry, events))) {
            expect(sides.budget).toBe(sides.balances);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
