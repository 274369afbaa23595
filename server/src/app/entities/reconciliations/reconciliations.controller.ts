import { reconciliations } from '@finwise/domain';
import { SyncedEntityController } from '../../sync/rest/synced-entity.controller';

/** REST for reconciliations at /api/reconciliations — behaviour comes from the sync engine. */
export class ReconciliationsController extends SyncedEntityController(reconciliations) {}
