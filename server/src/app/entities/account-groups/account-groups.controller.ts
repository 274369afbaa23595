import { accountGroups } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/synced-entity.controller';

/** REST for accountGroups at /api/accountGroups — behaviour comes from the sync engine. */
export class AccountGroupsController extends SyncedEntityController(accountGroups) {}
