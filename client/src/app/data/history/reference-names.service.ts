import { inject, Injectable } from '@angular/core';
import { AccountGroupsStore } from '../stores/account-groups.store';
import { AccountsStore } from '../stores/accounts.store';
import { CategoriesStore } from '../stores/categories.store';
import { PayeesStore } from '../stores/payees.store';

/**
 * Names of the rows a field can point to (accounts, account groups, categories, payees), for
 * screens that show stored ids to people. Ids are UUIDs, unique across entities, so an id is
 * looked up in every store without knowing which field it came from.
 */
@Injectable({ providedIn: 'root' })
export class ReferenceNames {
  private readonly stores = [
    inject(AccountsStore),
    inject(CategoriesStore),
    inject(PayeesStore),
    inject(AccountGroupsStore),
  ];

  /** The name of the row with this id, or null when no store on this device has it. */
  nameOf(id: string): string | null {
    for (const store of this.stores) {
      const row: { name?: string | null } | undefined = store.byId().get(id);
      if (row?.name) return row.name;
    }
    return null;
  }
}
