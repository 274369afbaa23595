import { AccountsAndTenants1764000000000 } from './1764000000000-accounts-and-tenants';
import { CreateAccountGroups1764000000100 } from './1764000000100-create-account-groups';
import { CreateAccounts1764000000200 } from './1764000000200-create-accounts';
import { CreateCategories1764000000300 } from './1764000000300-create-categories';
import { CreateTransactions1764000000400 } from './1764000000400-create-transactions';
import { CreateBudgets1764000000500 } from './1764000000500-create-budgets';
import { MutationLog1764000000600 } from './1764000000600-mutation-log';
import { AccountTablesRowLevelSecurity1764000000700 } from './1764000000700-account-tables-row-level-security';
import { LeanMutationLog1796120000000 } from './1796120000000-lean-mutation-log';
import { RowChangeTimes1796200000000 } from './1796200000000-row-change-times';
import { CreateSettings1796300000100 } from './1796300000100-create-settings';
import { CreatePayees1796300000200 } from './1796300000200-create-payees';
import { CreateBudgetMoves1796300000300 } from './1796300000300-create-budget-moves';
import { CreateBudgetMonths1796300000400 } from './1796300000400-create-budget-months';
import { CreateReconciliations1796300000500 } from './1796300000500-create-reconciliations';
import { FinanceLedgerFields1796300000600 } from './1796300000600-finance-ledger-fields';
import { TransactionsSplitLinesIndex1796300000700 } from './1796300000700-transactions-split-lines-index';
import { HouseholdMembers1796400000000 } from './1796400000000-household-members';
import { ChangeHistory1796510000000 } from './1796510000000-change-history';
import { CreateImportSettings1796600000100 } from './1796600000100-create-import-settings';
import { ChangeHistoryJson1796700000000 } from './1796700000000-change-history-json';

/** Every migration in order. Classes, not globs: the server ships as one webpack bundle. */
export const MIGRATIONS = [
  AccountsAndTenants1764000000000,
  CreateAccountGroups1764000000100,
  CreateAccounts1764000000200,
  CreateCategories1764000000300,
  CreateTransactions1764000000400,
  CreateBudgets1764000000500,
  MutationLog1764000000600,
  AccountTablesRowLevelSecurity1764000000700,
  LeanMutationLog1796120000000,
  RowChangeTimes1796200000000,
  CreateSettings1796300000100,
  CreatePayees1796300000200,
  CreateBudgetMoves1796300000300,
  CreateBudgetMonths1796300000400,
  CreateReconciliations1796300000500,
  FinanceLedgerFields1796300000600,
  TransactionsSplitLinesIndex1796300000700,
  HouseholdMembers1796400000000,
  ChangeHistory1796510000000,
  CreateImportSettings1796600000100,
  ChangeHistoryJson1796700000000,
];
