import { importSettings } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { ImportSettingEntity } from './import-setting.entity';
import { ImportSettingsController } from './import-settings.controller';

@SyncedEntityModule({
  definition: importSettings,
  table: ImportSettingEntity,
  controllers: [ImportSettingsController],
})
export class ImportSettingsModule {}
