import type { Account, AccountGroup } from '@finwise/domain';
import { accountBalance, type AccountBalance } from '../data/views/account-balance';
import type { LedgerLine } from '../data/views/transaction-index';

export interface CurrencyAmount {
  currency: string;
  amountMinor: number;
}

export interface AccountLine extends AccountBalance {
  account: Account;
}

export interface AccountGroupView {
  /** null for accounts in no (known) group. */
  id: string | null;
  name: string;
  accounts: AccountLine[];
  /** Group subtotal per currency: amounts in different currencies are never added up. */
  totals: CurrencyAmount[];
}

export interface AccountOverview {
  groups: AccountGroupView[];
  netWorth: CurrencyAmount[];
}

export const UNGROUPED_NAME = 'Other accounts';

/**
 * Accounts under their groups (in the given order) with balances, per-currency group totals
 * and the household's net worth per currency.
 */
export function accountOverview(
  groups: readonly AccountGroup[],
  accounts: readonly Account[],
  linesByAccount: ReadonlyMap<string, readonly LedgerLine[]>,
): AccountOverview {
  const views = new Map<string | null, AccountGroupView>(
    groups.map((group) => [
      group.id,
      { id: group.id, name: group.name ?? '', accounts: [], totals: [] },
    ]),
  );
  const ungrouped: AccountGroupView = { id: null, name: UNGROUPED_NAME, accounts: [], totals: [] };
  for (const account of accounts) {
    const view = (account.groupId && views.get(account.groupId)) || ungrouped;
    view.accounts.push({ account, ...accountBalance(linesByAccount.get(account.id)) });
  }
  const result = [...views.values(), ungrouped].filter(
    (view) => view.accounts.length > 0 || view.id !== null,
  );
  for (const view of result) {
    view.totals = totalsByCurrency(view.accounts);
  }
  return { groups: result, netWorth: totalsByCurrency(result.flatMap((view) => view.accounts)) };
}

function totalsByCurrency(lines: readonly AccountLine[]): CurrencyAmount[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    const currency = line.account.currency ?? '';
    totals.set(currency, (totals.get(currency) ?? 0) + line.balanceMinor);
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amountMinor }));
}
