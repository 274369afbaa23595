import { budgets } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for budgets at /api/budgets — behaviour comes from the sync engine. */
export class BudgetsController extends SyncedEntityController(budgets) {}
