import { AccountGroupsModule } from './account-groups/account-groups.module';
import { AccountsModule } from './accounts/accounts.module';
import { BudgetsModule } from './budgets/budgets.module';
import { CategoriesModule } from './categories/categories.module';
import { TransactionsModule } from './transactions/transactions.module';
import { SettingsModule } from './settings/settings.module';
import { PayeesModule } from './payees/payees.module';
import { BudgetMovesModule } from './budget-moves/budget-moves.module';
import { BudgetMonthsModule } from './budget-months/budget-months.module';
import { ReconciliationsModule } from './reconciliations/reconciliations.module';
import { ImportSettingsModule } from './import-settings/import-settings.module';

/** Every synced entity module; the sync engine, REST and the database are built from this list. */
export const SYNCED_ENTITY_MODULES = [
  AccountGroupsModule,
  AccountsModule,
  CategoriesModule,
  TransactionsModule,
  BudgetsModule,
  SettingsModule,
  PayeesModule,
  BudgetMovesModule,
  BudgetMonthsModule,
  ReconciliationsModule,
  ImportSettingsModule,
];
