import type { LedgerTransaction } from '../core/rows';
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
      amountMinor: entry.row.amountMinor,
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
      amountMinor: transferLegAmount(
        entry.row,
        own !== undefined && own.currency === target.currency,
      ),
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
export function transferLegAmount(
  row: LedgerTransaction,
  sameCurrencyLiveAccounts: boolean,
): number {
  if (sameCurrencyLiveAccounts) return negate(row.amountMinor);
  return row.transferAmountMinor ?? negate(row.amountMinor);
}

/** Negation without producing −0, which would print as "-0" in JSON-free debugging and tests. */
function negate(amount: number): number {
  return amount === 0 ? 0 : -amount;
}
