import type { Transaction } from '@finwise/domain';
import { sideOf } from './transaction-side';

export interface AccountBalance {
  balanceMinor: number;
  clearedMinor: number;
}

/** Balance of one account from its register rows: booked amounts plus transfers in, negated. */
export function accountBalance(
  accountId: string,
  rows: readonly Transaction[] | undefined,
): AccountBalance {
  let balanceMinor = 0;
  let clearedMinor = 0;
  for (const row of rows ?? []) {
    const side = sideOf(row, accountId);
    balanceMinor += side.amountMinor;
    if (side.cleared) {
      clearedMinor += side.amountMinor;
    }
  }
  return { balanceMinor, clearedMinor };
}
