import { payees } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for payees at /api/payees — behaviour comes from the sync engine. */
export class PayeesController extends SyncedEntityController(payees) {}
