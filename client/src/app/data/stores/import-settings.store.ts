import type { ImportSetting } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const ImportSettingsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<ImportSetting>('import_settings'),
);
