import { budgets } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { BudgetEntity } from './budget.entity';
import { BudgetsController } from './budgets.controller';

@SyncedEntityModule({ definition: budgets, table: BudgetEntity, controllers: [BudgetsController] })
export class BudgetsModule {}
