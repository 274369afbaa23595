import { reconciliations } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { ReconciliationEntity } from './reconciliation.entity';
import { ReconciliationsController } from './reconciliations.controller';

@SyncedEntityModule({
  definition: reconciliations,
  table: ReconciliationEntity,
  controllers: [ReconciliationsController],
})
export class ReconciliationsModule {}
