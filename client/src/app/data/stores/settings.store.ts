import type { Setting } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const SettingsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Setting>('settings'),
);
