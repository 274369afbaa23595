import { AmountGroups } from '../core/amount-groups';
import { monthOf } from '../core/month';
import {
  isLive,
  type BudgetCategory,
  type BudgetCellRow,
  type BudgetMonthRow,
  type BudgetMoveRow,
  type LedgerAccount,
  type LedgerTransaction,
} from '../core/rows';
import { effectiveRows } from '../ledger/effective-rows';
import { indexLiveAccounts } from '../ledger/live-accounts';
import { rowSides } from '../ledger/row-sides';
import type {
  ActivityAggregate,
  BudgetAggregates,
  BudgetCellAggregate,
  HoldAggregate,
  MonthAmount,
  MoveAggregate,
} from './budget-aggregates';
import { isExcludedFromBudget, isInBudget } from './on-budget';

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
  const { currency } = rows;
  const accounts = indexLiveAccounts(rows.accounts);
  const inBudget = (accountId: string) => isInBudget(accounts.get(accountId), currency);

  const activity = new AmountGroups<ActivityAggregate>();
  const remainders = new AmountGroups<MonthAmount>();
  const ledgerMonths: string[] = [];

  for (const entry of effectiveRows(rows.transactions)) {
    const month = monthOf(entry.date);
    if (entry.kind === 'split-parent') {
      if (!inBudget(entry.accountId)) continue;
      ledgerMonths.push(month);
      remainders.add(month, { month, amountMinor: entry.amountMinor });
      continue;
    }
    // The remainder is parent − Σ children whatever the children's transfers do, so each child
    // of an on-budget parent is taken off it here (its own side is on the parent's account).
    if (entry.kind === 'split-child' && inBudget(entry.accountId)) {
      remainders.add(month, { month, amountMinor: -entry.amountMinor });
    }
    const budgetSides = rowSides(entry, accounts).filter((side) => inBudget(side.accountId));
    if (budgetSides.length === 0) continue;
    ledgerMonths.push(month);
    // Both sides in the budget: money moved between two budget accounts, no activity.
    if (budgetSides.length !== 1) continue;
    const categoryId = entry.row.categoryId ?? null;
    activity.add(`${month}|${categoryId ?? ''}`, {
      month,
      categoryId,
      amountMinor: budgetSides[0].amountMinor,
    });
  }

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
    firstLedgerMonth: ledgerMonths.reduce<string | null>(
      (earliest, month) => (earliest === null || month < earliest ? month : earliest),
      null,
    ),
    activity: activity.sortedValues(),
    splitRemainders: remainders.sortedValues(),
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
