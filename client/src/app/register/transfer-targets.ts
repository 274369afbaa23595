import type { Account } from '@finwise/domain';

/**
 * Open accounts a transfer from `account` may go to: any currency, never itself. The transfer
 * being edited keeps its target listed even when that account was closed since, so the form
 * shows what the row holds.
 */
export function transferTargets(
  account: Account,
  accounts: readonly Account[],
  currentTargetId: string | null = null,
): Account[] {
  return accounts.filter(
    (other) => other.id !== account.id && (!other.closed || other.id === currentTargetId),
  );
}

/**
 * Whether a transfer between the two accounts books two amounts (FINANCE §2: each side in its
 * own currency). Same currency, or an account not known here, means one amount.
 */
export function isCrossCurrency(a: Account | undefined, b: Account | undefined): boolean {
  return Boolean(a?.currency && b?.currency && a.currency !== b.currency);
}
