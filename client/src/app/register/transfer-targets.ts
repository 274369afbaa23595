import type { Account } from '@finwise/domain';

export interface TransferChoices {
  /** Open accounts a transfer from `account` may go to: the same currency, never itself. */
  targets: Account[];
  /** Open accounts left out because their currency differs. */
  otherCurrency: Account[];
}

/**
 * A transfer is one row with one amount shown on both sides (DESIGN §4): between currencies
 * that amount would mean different money on each side and silently corrupt one balance, so
 * only accounts of the same currency are offered. The transfer being edited keeps its target
 * listed even if that account's currency changed, so the form shows what the row holds.
 */
export function transferChoices(
  account: Account,
  accounts: readonly Account[],
  currentTargetId: string | null = null,
): TransferChoices {
  const targets: Account[] = [];
  const otherCurrency: Account[] = [];
  for (const other of accounts) {
    if (other.id === account.id || (other.closed && other.id !== currentTargetId)) {
      continue;
    }
    if (other.currency === account.currency || other.id === currentTargetId) {
      targets.push(other);
    } else {
      otherCurrency.push(other);
    }
  }
  return { targets, otherCurrency };
}

/** Why some accounts (or all) are missing from the transfer choices; null when none are. */
export function transferHint(account: Account, choices: TransferChoices): string | null {
  if (choices.otherCurrency.length === 0) {
    return null;
  }
  const others = choices.otherCurrency
    .map((other) => `${other.name ?? 'An account'} (${other.currency ?? '?'})`)
    .join(', ');
  const currency = account.currency ?? '';
  return choices.targets.length === 0
    ? `No other ${currency} account to transfer to. Transfers stay within one currency, so ${others} cannot be chosen.`
    : `Transfers stay within one currency, so ${others} cannot be chosen.`;
}

/** The form's refusal of a transfer to an account of another currency (e.g. changed meanwhile). */
export function transferCurrencyError(
  account: Account,
  target: Account | undefined,
): string | null {
  if (!target || target.currency === account.currency) {
    return null;
  }
  return `Transfers stay within one currency: ${target.name ?? 'that account'} is in ${target.currency ?? 'another currency'}, this account in ${account.currency ?? 'another'}.`;
}
