import { importSettings } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for import settings at /api/import_settings — behaviour comes from the sync engine. */
export class ImportSettingsController extends SyncedEntityController(importSettings) {}
