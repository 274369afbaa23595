import { budgetMonths } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { BudgetMonthEntity } from './budget-month.entity';
import { BudgetMonthsController } from './budget-months.controller';

@SyncedEntityModule({
  definition: budgetMonths,
  table: BudgetMonthEntity,
  controllers: [BudgetMonthsController],
})
export class BudgetMonthsModule {}
