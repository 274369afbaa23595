import { payees } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { PayeeEntity } from './payee.entity';
import { PayeesController } from './payees.controller';

@SyncedEntityModule({ definition: payees, table: PayeeEntity, controllers: [PayeesController] })
export class PayeesModule {}
