import type { Account } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../sync/with-synced-entity';

export const AccountsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Account>('accounts'),
);
