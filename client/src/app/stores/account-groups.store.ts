import type { AccountGroup } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../sync/with-synced-entity';

export const AccountGroupsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<AccountGroup>('account_groups'),
);
