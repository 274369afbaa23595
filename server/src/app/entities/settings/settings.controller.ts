import { settings } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for settings at /api/settings — behaviour comes from the sync engine. */
export class SettingsController extends SyncedEntityController(settings) {}
