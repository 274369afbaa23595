import { categories } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for categories at /api/categories — behaviour comes from the sync engine. */
export class CategoriesController extends SyncedEntityController(categories) {}
