import { budgetMoves } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for budget moves at /api/budget_moves — behaviour comes from the sync engine. */
export class BudgetMovesController extends SyncedEntityController(budgetMoves) {}
