import { Module } from '@nestjs/common';
import { BudgetController } from './budget/budget.controller';
import { BudgetService } from './budget/budget.service';
import { ImportController } from './import/import.controller';
import { ImportService } from './import/import.service';
import { ReconcileController } from './reconcile/reconcile.controller';
import { ReconcileService } from './reconcile/reconcile.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';

/** The finance endpoints on top of the synced entities: the month budget, reports, reconcile and bank-file import. */
@Module({
  controllers: [BudgetController, ReportsController, ReconcileController, ImportController],
  providers: [BudgetService, ReportsService, ReconcileService, ImportService],
})
export class FinanceModule {}
