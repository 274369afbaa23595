import { settings } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { SettingEntity } from './setting.entity';
import { SettingsController } from './settings.controller';

@SyncedEntityModule({
  definition: settings,
  table: SettingEntity,
  controllers: [SettingsController],
})
export class SettingsModule {}
