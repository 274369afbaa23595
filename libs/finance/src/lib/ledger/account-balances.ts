import { isLive, type LedgerAccount, type LedgerTransaction } from '../core/rows';
import { contributions } from './contributions';

export interface BalanceOptions {
  /** Count only rows with an effective date on or before this `YYYY-MM-DD` date. */
  readonly asOf?: string;
}

/** The balance of every live account (0 when it has no rows), in the account's own currency. */
export function accountBalances(
  transactions: readonly LedgerTransaction[],
  accounts: readonly LedgerAccount[],
  options: BalanceOptions = {},
): Map<string, number> {
  const balances = new Map<string, number>();
  for (const account of accounts) if (isLive(account)) balances.set(account.id, 0);
  for (const side of contributions(transactions, accounts)) {
    if (options.asOf !== undefined && side.entry.date > options.asOf) continue;
    balances.set(side.accountId, (balances.get(side.accountId) ?? 0) + side.amountMinor);
  }
  return balances;
}
