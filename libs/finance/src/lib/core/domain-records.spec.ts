/**
 * The row shapes of this library are structural subsets of the synced records, so the app and
 * the server pass their records in as they are. This compiles only while that stays true.
 */
import type { Account, Budget, Category, Transaction } from '@finwise/domain';
import type { BudgetCategory, BudgetCellRow, LedgerAccount, LedgerTransaction } from './rows';

type Accepts<Shape, Record extends Shape> = Record extends Shape ? true : never;

describe('domain records', () => {
  it('are accepted where this library reads rows', () => {
    const checks: [
      Accepts<LedgerTransaction, Transaction>,
      Accepts<LedgerAccount, Account>,
      Accepts<BudgetCategory, Category>,
      Accepts<BudgetCellRow, Budget>,
    ] = [true, true, true, true];
    expect(checks).toEqual([true, true, true, true]);
  });
});
