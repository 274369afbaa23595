import type { Account, Category } from '@finwise/domain';
import type { PayeeIndex } from '../../data/views/payee-index';
import type { SearchName, SearchNames } from './search-register';
import { searchKey } from './search-text';

/**
 * The names a search resolves to ids, keys computed once per change of these small tables.
 * A payee answers for the payees merged into it, as the register shows their rows under it.
 */
export function searchNames(
  payees: PayeeIndex,
  categories: readonly Category[],
  accounts: readonly Account[],
): SearchNames {
  const payeeNames: SearchName[] = [...payees.byId.values()].map((summary) => ({
    ids: [summary.payee.id, ...summary.mergedFrom.map((payee) => payee.id)],
    key: searchKey(summary.payee.name ?? ''),
  }));
  return {
    payees: payeeNames,
    categories: categories.map((category) => ({
      ids: [category.id],
      key: searchKey(category.name ?? ''),
    })),
    accounts: accounts.map((account) => ({
      ids: [account.id],
      key: searchKey(account.name ?? ''),
    })),
    liveCategoryIds: new Set(categories.map((category) => category.id)),
  };
}
