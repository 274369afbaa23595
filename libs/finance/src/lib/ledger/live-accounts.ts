import { isLive, type LedgerAccount } from '../core/rows';

/** Live accounts by id; a deleted or not yet synced account is absent, so its sides count nowhere. */
export type AccountIndex<A extends LedgerAccount = LedgerAccount> = ReadonlyMap<string, A>;

export function indexLiveAccounts<A extends LedgerAccount>(
  accounts: readonly A[],
): AccountIndex<A> {
  const index = new Map<string, A>();
  for (const account of accounts) if (isLive(account)) index.set(account.id, account);
  return index;
}
