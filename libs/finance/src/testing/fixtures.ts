import type {
  BudgetCategory,
  BudgetCellRow,
  BudgetMonthRow,
  BudgetMoveRow,
  LedgerAccount,
  LedgerTransaction,
} from '../lib/core/rows';
import type { FinanceMutation } from '../lib/core/mutation';
import { budgetCellId, budgetMonthId } from '../lib/core/ids';
import { buildBudgetAggregates } from '../lib/budget/build-budget-aggregates';
import { computeMonthBudget } from '../lib/budget/compute-month-budget';
import type { CategoryBudget, MonthBudget } from '../lib/budget/month-budget';

/** Readable fixed ids for examples: `id('rent')` is always the same UUID-shaped string. */
export function id(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hex = hash.toString(16).padStart(8, '0');
  const tail = Buffer.from(name).toString('hex').padEnd(12, '0').slice(0, 12);
  return `${hex}-0000-4000-8000-${tail}`;
}

export function account(name: string, fields: Partial<LedgerAccount> = {}): LedgerAccount {
  return {
    id: id(name),
    currency: 'EUR',
    onBudget: true,
    closed: false,
    deletedAt: null,
    ...fields,
  };
}

export function category(name: string, fields: Partial<BudgetCategory> = {}): BudgetCategory {
  return {
    id: id(name),
    name,
    groupName: fields.isIncome ? 'Income' : 'Expenses',
    isIncome: false,
    hidden: false,
    sortOrder: 0,
    carryOverspending: false,
    deletedAt: null,
    ...fields,
  };
}

let rowCounter = 0;

export function row(
  fields: Partial<LedgerTransaction> &
    Pick<LedgerTransaction, 'accountId' | 'date' | 'amountMinor'>,
): LedgerTransaction {
  rowCounter += 1;
  return {
    id: id(`row-${rowCounter}`),
    categoryId: null,
    cleared: false,
    reconciled: false,
    transferAccountId: null,
    transferAmountMinor: null,
    transferCleared: null,
    transferReconciled: null,
    parentId: null,
    deletedAt: null,
    ...fields,
  };
}

export function cell(categoryId: string, month: string, budgetedMinor: number): BudgetCellRow {
  return {
    id: budgetCellId(categoryId, month),
    categoryId,
    month,
    budgetedMinor,
    deletedAt: null,
  };
}

let moveCounter = 0;

export function move(
  month: string,
  fromCategoryId: string | null,
  toCategoryId: string | null,
  amountMinor: number,
): BudgetMoveRow {
  moveCounter += 1;
  return {
    id: id(`move-${moveCounter}`),
    month,
    fromCategoryId,
    toCategoryId,
    amountMinor,
    deletedAt: null,
  };
}

export function hold(month: string, heldMinor: number): BudgetMonthRow {
  return { id: budgetMonthId(month), month, heldMinor, deletedAt: null };
}

/** Deterministic ids for rows the functions under test create. */
export function sequentialIds(prefix: string): () => string {
  let next = 0;
  return () => id(`${prefix}-${++next}`);
}

/**
 * Applies mutations the way the merge would for these examples (create inserts or overwrites,
 * update overwrites the given fields, delete marks a tombstone), so a test can act, then recompute.
 */
export function applyMutations<T extends { id: string }>(
  rows: readonly T[],
  modelName: string,
  mutations: readonly FinanceMutation[],
): T[] {
  const byId = new Map<string, T>(rows.map((existing) => [existing.id, existing]));
  for (const mutation of mutations) {
    if (mutation.modelName !== modelName) continue;
    const existing = byId.get(mutation.data.id);
    if (mutation.operation === 'delete') {
      if (existing) byId.set(existing.id, { ...existing, deletedAt: 'deleted' });
      continue;
    }
    byId.set(mutation.data.id, {
      ...(existing ?? { deletedAt: null }),
      ...mutation.data,
    } as unknown as T);
  }
  return [...byId.values()];
}

/** A household's rows for budget examples. */
export interface Household {
  readonly currency?: string;
  readonly accounts: readonly LedgerAccount[];
  readonly categories: readonly BudgetCategory[];
  readonly transactions?: readonly LedgerTransaction[];
  readonly budgets?: readonly BudgetCellRow[];
  readonly budgetMoves?: readonly BudgetMoveRow[];
  readonly budgetMonths?: readonly BudgetMonthRow[];
}

export function budgetOf(household: Household, month: string): MonthBudget {
  return computeMonthBudget(aggregatesOf(household), month);
}

export function aggregatesOf(household: Household) {
  return buildBudgetAggregates({
    currency: household.currency ?? 'EUR',
    accounts: household.accounts,
    categories: household.categories,
    transactions: household.transactions ?? [],
    budgets: household.budgets ?? [],
    budgetMoves: household.budgetMoves ?? [],
    budgetMonths: household.budgetMonths ?? [],
  });
}

/** One category's line of a month budget. */
export function lineOf(budget: MonthBudget, category: BudgetCategory): CategoryBudget {
  const line = budget.categories.find((candidate) => candidate.categoryId === category.id);
  if (!line) throw new Error(`No line for ${category.name}`);
  return line;
}

/** The household after a budget action's mutations reached it. */
export function afterMutations(
  household: Household,
  mutations: readonly FinanceMutation[],
): Household {
  return {
    ...household,
    categories: applyMutations(household.categories, 'categories', mutations),
    transactions: applyMutations(household.transactions ?? [], 'transactions', mutations),
    budgets: applyMutations(household.budgets ?? [], 'budgets', mutations),
    budgetMoves: applyMutations(household.budgetMoves ?? [], 'budget_moves', mutations),
    budgetMonths: applyMutations(household.budgetMonths ?? [], 'budget_months', mutations),
  };
}
