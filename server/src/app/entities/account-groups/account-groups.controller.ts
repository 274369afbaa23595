import { accountGroups } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for account groups at /api/account_groups — behaviour comes from the sync engine. */
export class AccountGroupsController extends SyncedEntityController(accountGroups) {}
