import type { Account } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const AccountsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Account>('accounts'),
);
