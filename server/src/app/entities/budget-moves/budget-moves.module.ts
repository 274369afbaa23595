import { budgetMoves } from '@finwise/domain';
import { SyncedEntityModule } from '../../sync/tables/synced-entity-module';
import { BudgetMoveEntity } from './budget-move.entity';
import { BudgetMovesController } from './budget-moves.controller';

@SyncedEntityModule({
  definition: budgetMoves,
  table: BudgetMoveEntity,
  controllers: [BudgetMovesController],
})
export class BudgetMovesModule {}
