import type { AccountGroup } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const AccountGroupsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<AccountGroup>('account_groups'),
);
