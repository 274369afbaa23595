import { transactions } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for transactions at /api/transactions — behaviour comes from the sync engine. */
export class TransactionsController extends SyncedEntityController(transactions) {}
