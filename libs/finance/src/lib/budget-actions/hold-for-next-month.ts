import { budgetMonthId } from '../core/ids';
import { assertMinorUnits } from '../core/money';
import { isLive, type BudgetMonthRow } from '../core/rows';
import type { FinanceMutation } from '../core/mutation';
import type { MonthBudget } from '../budget/month-budget';

export interface HoldInput {
  /** The month's budget as computed now. */
  readonly budget: MonthBudget;
  /** The household's `budget_months` rows, to tell a new row from an existing one. */
  readonly budgetMonths: readonly BudgetMonthRow[];
}

export interface HoldResult {
  /** The month's held amount after the action. */
  readonly heldMinor: number;
  /** How much the held amount changed (negative = released). */
  readonly changeMinor: number;
  readonly mutations: FinanceMutation[];
}

/**
 * Holds money for next month with Actual's clamps: only while To Budget is positive, never more
 * than To Budget, and a negative amount releases at most what is held.
 */
export function holdForNextMonth(input: HoldInput & { readonly amountMinor: number }): HoldResult {
  assertMinorUnits(input.amountMinor, 'amountMinor');
  const { budget } = input;
  if (budget.toBudget <= 0) return unchanged(budget);
  const change = Math.min(Math.max(input.amountMinor, -budget.held), Math.max(budget.toBudget, 0));
  return withHeld(input, budget.held + change);
}

/**
 * Releases held money back to To Budget, clamped at what is held; without an amount, all of it.
 * Unlike holding, this works whatever To Budget is: releasing is how a negative To Budget is fixed.
 */
export function releaseHold(input: HoldInput & { readonly amountMinor?: number }): HoldResult {
  const { budget } = input;
  const requested = input.amountMinor ?? budget.held;
  assertMinorUnits(requested, 'amountMinor');
  const released = Math.min(Math.max(requested, 0), budget.held);
  return withHeld(input, budget.held - released);
}

function withHeld(input: HoldInput, heldMinor: number): HoldResult {
  const { budget } = input;
  if (heldMinor === budget.held) return unchanged(budget);
  const id = budgetMonthId(budget.month);
  const exists = input.budgetMonths.some((row) => row.id === id && isLive(row));
  const mutation: FinanceMutation = exists
    ? { modelName: 'budget_months', operation: 'update', data: { id, heldMinor } }
    : {
        modelName: 'budget_months',
        operation: 'create',
        data: { id, month: budget.month, heldMinor },
      };
  return { heldMinor, changeMinor: heldMinor - budget.held, mutations: [mutation] };
}

function unchanged(budget: MonthBudget): HoldResult {
  return { heldMinor: budget.held, changeMinor: 0, mutations: [] };
}
