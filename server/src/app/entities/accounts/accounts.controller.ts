import { accounts } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for accounts at /api/accounts — behaviour comes from the sync engine. */
export class AccountsController extends SyncedEntityController(accounts) {}
