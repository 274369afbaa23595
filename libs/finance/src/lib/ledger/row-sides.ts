import type { LedgerAccount, LedgerTransaction } from '../core/rows';
import type { EffectiveRow } from './effective-rows';
import type { AccountIndex } from './live-accounts';

/** One account's part of a row: the row's own account, or the account its transfer goes to. */
export interface RowSide<T extends LedgerTransaction = LedgerTransaction> {
  readonly entry: EffectiveRow<T>;
  readonly side: 'own' | 'transfer';
  readonly accountId: string;
  readonly amountMinor: number;
  /** The side's flags: the row's effective ones, or `transferCleared`/`transferReconciled`. */
  readonly cleared: boolean;
  readonly reconciled: boolean;
}

/**
 * The sides of one effective row that fall on live accounts (FINANCE §2). A split child's own side
 * is on its parent's account; whether it adds to a balance is the caller's business.
 */
export function rowSides<T extends LedgerTransaction>(
  entry: EffectiveRow<T>,
  accounts: AccountIndex,
): RowSide<T>[] {
  const sides: RowSide<T>[] = [];
  const own = accounts.get(entry.accountId);
  if (own) {
    sides.push({
      entry,
      side: 'own',
      accountId: entry.accountId,
      amountMinor: entry.amountMinor,
      cleared: entry.cleared,
      reconciled: entry.reconciled,
    });
  }
  const target = entry.transferAccountId ? accounts.get(entry.transferAccountId) : undefined;
  if (target) {
    sides.push({
      entry,
      side: 'transfer',
      accountId: target.id,
      amountMinor: transferLegAmount(entry, own !== undefined && sameCurrency(own, target)),
      cleared: entry.row.transferCleared === true,
      reconciled: entry.row.transferReconciled === true,
    });
  }
  return sides;
}

/**
 * What a transfer adds to its other account. Between two live accounts of one currency it is
 * always the negated amount: a same-currency transfer cannot create money, whatever a stale or
 * hostile `transferAmountMinor` says.
 */
export function transferLegAmount(entry: EffectiveRow, sameCurrencyLiveAccounts: boolean): number {
  if (sameCurrencyLiveAccounts) return negate(entry.amountMinor);
  return entry.row.transferAmountMinor ?? negate(entry.amountMinor);
}

function sameCurrency(a: LedgerAccount, b: LedgerAccount): boolean {
  return a.currency !== null && a.currency === b.currency;
}

/** Negation that never yields −0, which `Object.is`-based comparisons tell apart from 0. */
function negate(amount: number): number {
  return amount === 0 ? 0 : -amount;
}
