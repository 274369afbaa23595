import { payeeIdFor } from '../payees/payee-id';
import { startingBalancesCategory, type StarterCategoryData } from './starter-categories';

/** The payee every starting balance is booked to (its id follows the payee id rule). */
export const STARTING_BALANCE_PAYEE = 'Starting balance';

/** Account types whose balance is money owed: their entered starting balance is stored negative. */
const LIABILITY_TYPES: ReadonlySet<string> = new Set(['credit', 'loan']);

export interface StartingBalanceInput {
  /** The new transaction's id. */
  readonly id: string;
  readonly accountId: string;
  readonly accountType: string;
  readonly onBudget: boolean;
  /** As entered, in minor units: the balance, or for a credit card or loan the amount owed. */
  readonly enteredMinor: number;
  /** `YYYY-MM-DD` */
  readonly date: string;
}

export interface StartingBalancePlan {
  /** Seeds to write only when absent (deterministic ids): never over another device's edit. */
  readonly payee: { readonly id: string; readonly name: string; readonly favorite: boolean };
  /** The income category it is booked to; null for an off-budget account. */
  readonly category: StarterCategoryData | null;
  readonly transaction: {
    readonly id: string;
    readonly accountId: string;
    readonly date: string;
    readonly amountMinor: number;
    readonly payeeId: string;
    readonly categoryId: string | null;
    readonly cleared: boolean;
    readonly reconciled: boolean;
  };
}

/**
 * The starting balance of a new account is one cleared transaction. On budget it is income in
 * "Starting balances", so it flows into To Budget; off budget it has no category (it is not
 * budget money). A credit card's or loan's entry is what is owed, stored negative whichever sign
 * was typed: people write a debt both as "500" and "-500", and both mean owing 500.
 * Returns null for a zero entry: nothing to book.
 */
export function startingBalancePlan(input: StartingBalanceInput): StartingBalancePlan | null {
  if (!Number.isSafeInteger(input.enteredMinor)) {
    throw new RangeError(`A starting balance must be whole minor units: ${input.enteredMinor}`);
  }
  if (input.enteredMinor === 0) return null;
  const amountMinor = LIABILITY_TYPES.has(input.accountType)
    ? -Math.abs(input.enteredMinor)
    : input.enteredMinor;
  const payeeId = payeeIdFor(STARTING_BALANCE_PAYEE);
  const category = input.onBudget ? startingBalancesCategory() : null;
  return {
    payee: { id: payeeId, name: STARTING_BALANCE_PAYEE, favorite: false },
    category,
    transaction: {
      id: input.id,
      accountId: input.accountId,
      date: input.date,
      amountMinor,
      payeeId,
      categoryId: category?.id ?? null,
      cleared: true,
      reconciled: false,
    },
  };
}
