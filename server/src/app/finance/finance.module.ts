import { Module } from '@nestjs/common';
import { BudgetController } from './budget/budget.controller';
import { BudgetService } from './budget/budget.service';
import { ReconcileController } from './reconcile/reconcile.controller';
import { ReconcileService } from './reconcile/reconcile.service';

/** The finance endpoints on top of the synced entities: the month budget and reconcile. */
@Module({
  controllers: [BudgetController, ReconcileController],
  providers: [BudgetService, ReconcileService],
})
export class FinanceModule {}
