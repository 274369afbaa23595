import { budgetMonths } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for budget months at /api/budget_months — behaviour comes from the sync engine. */
export class BudgetMonthsController extends SyncedEntityController(budgetMonths) {}
