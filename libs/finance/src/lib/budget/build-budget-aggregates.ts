import { AmountGroups } from '../core/amount-groups';
import {
  isLive,
  type BudgetCategory,
  type BudgetCellRow,
  type BudgetMonthRow,
  type BudgetMoveRow,
  type LedgerAccount,
  type LedgerTransaction,
} from '../core/rows';
import { indexLiveAccounts, type AccountIndex } from '../ledger/live-accounts';
import type {
  BudgetAggregates,
  BudgetCellAggregate,
  HoldAggregate,
  MoveAggregate,
} from './budget-aggregates';
import { BudgetLedgerSums } from './budget-ledger-sums';
import { isExcludedFromBudget } from './on-budget';

/** A household's rows, as the browser holds them, for the budget. */
export interface BudgetRows {
  /** The budget currency (see `budgetCurrencyOf`). */
  readonly currency: string;
  readonly transactions: readonly LedgerTransaction[];
  readonly accounts: readonly LedgerAccount[];
  readonly categories: readonly BudgetCategory[];
  readonly budgets: readonly BudgetCellRow[];
  readonly budgetMoves: readonly BudgetMoveRow[];
  readonly budgetMonths: readonly BudgetMonthRow[];
}

/**
 * Sums a household's rows into the monthly aggregates of the envelope budget (FINANCE §3), the
 * same numbers the server's SQL produces, so both feed one `computeMonthBudget`.
 */
export function buildBudgetAggregates(rows: BudgetRows): BudgetAggregates {
  const accounts = indexLiveAccounts(rows.accounts);
  const sums = BudgetLedgerSums.of(rows.transactions, { accounts, currency: rows.currency });
  return budgetAggregatesOf(sums, rows, accounts);
}

/**
 * The aggregates from the transactions' sums (taken with the same accounts and currency) and
 * the household's other rows, for a caller that keeps the sums up to date between edits.
 */
export function budgetAggregatesOf(
  sums: BudgetLedgerSums,
  rows: Omit<BudgetRows, 'transactions'>,
  accounts: AccountIndex = indexLiveAccounts(rows.accounts),
): BudgetAggregates {
  const { currency } = rows;
  const budgetCells = new Map<string, BudgetCellAggregate>();
  for (const { categoryId, month, budgetedMinor, ...cell } of rows.budgets) {
    if (!isLive(cell) || categoryId === null || month === null || budgetedMinor === null) continue;
    const key = `${month}|${categoryId}`;
    const previous = budgetCells.get(key)?.budgetedMinor ?? 0;
    budgetCells.set(key, { month, categoryId, budgetedMinor: previous + budgetedMinor });
  }

  const moves = new AmountGroups<MoveAggregate>();
  for (const { month, amountMinor, ...move } of rows.budgetMoves) {
    if (!isLive(move) || month === null || amountMinor === null) continue;
    const fromCategoryId = move.fromCategoryId ?? null;
    const toCategoryId = move.toCategoryId ?? null;
    moves.add(`${month}|${fromCategoryId ?? ''}|${toCategoryId ?? ''}`, {
      month,
      fromCategoryId,
      toCategoryId,
      amountMinor,
    });
  }

  const holds: HoldAggregate[] = [];
  for (const { month, heldMinor, ...row } of rows.budgetMonths) {
    if (isLive(row) && month !== null && heldMinor !== null) holds.push({ month, heldMinor });
  }

  return {
    currency,
    categories: rows.categories.filter(isLive),
    excludedAccountIds: [...accounts.values()]
      .filter((account) => isExcludedFromBudget(account, currency))
      .map((account) => account.id)
      .sort(),
    firstLedgerMonth: sums.firstLedgerMonth(),
    activity: sums.activityAggregates(),
    splitRemainders: sums.splitRemainders(),
    budgetCells: sortedValues(budgetCells),
    moves: moves.sortedValues(),
    holds: holds.sort((a, b) => compare(a.month, b.month)),
  };
}

/** Values in key order, so the aggregates of equal rows are equal whatever the rows' order. */
function sortedValues<V>(groups: Map<string, V>): V[] {
  return [...groups.entries()].sort(([a], [b]) => compare(a, b)).map(([, value]) => value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
