import { AccountGroupsModule } from './account-groups/account-groups.module';
import { AccountsModule } from './accounts/accounts.module';
import { BudgetsModule } from './budgets/budgets.module';
import { CategoriesModule } from './categories/categories.module';
import { TransactionsModule } from './transactions/transactions.module';

/** Every synced entity module; the sync engine, REST and the database are built from this list. */
export const SYNCED_ENTITY_MODULES = [
  AccountGroupsModule,
  AccountsModule,
  CategoriesModule,
  TransactionsModule,
  BudgetsModule,
];
