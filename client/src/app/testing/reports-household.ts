import type { Transaction } from '@finwise/domain';
import { accountRow, categoryRow, transactionRow } from './rows';

/**
 * A household for the reports' specs, budget in EUR (no settings row), February and March 2026:
 *
 * - Checking (EUR, on budget): salary +3,000.00 and rent −1,200.00 in February, 500.00 moved to
 *   Savings (off budget); in March a split of −100.00 (groceries −60.00, rent −30.00, 10.00 left
 *   without a category), a grocery refund +5.00, and 100.00 sent to the USD account, which
 *   receives $110.00.
 * - Card (EUR, on budget): groceries −45.00 in February.
 * - Dollars (USD, on budget): groceries −$20.00 in February, −$30.00 in March.
 *
 * Spending (EUR): Feb groceries 45.00, rent 1,200.00, uncategorized 500.00 (to Savings), total
 * 1,745.00; Mar groceries 55.00, rent 30.00, uncategorized 110.00 (split remainder 10.00, to
 * Dollars 100.00), total 195.00.
 * Cash flow EUR: Feb income 3,000.00, expense −1,245.00, transfers −500.00, net 1,255.00; Mar
 * income 0, expense −95.00, transfers −100.00, net −195.00. USD: Feb expense −$20.00, net −$20.00;
 * Mar expense −$30.00, transfers $110.00, net $80.00.
 * Net worth EUR: Feb assets 1,800.00 (checking 1,300.00 + savings 500.00), debts −45.00, net
 * 1,755.00; Mar assets 1,605.00, debts −45.00, net 1,560.00. USD: Feb debts −$20.00; Mar assets
 * $60.00.
 */
export function reportsHousehold() {
  const checking = accountRow({ name: 'Checking', currency: 'EUR', sortOrder: 10 });
  const card = accountRow({ name: 'Card', type: 'credit', currency: 'EUR', sortOrder: 20 });
  const savings = accountRow({
    name: 'Savings',
    type: 'savings',
    currency: 'EUR',
    onBudget: false,
    sortOrder: 30,
  });
  const dollars = accountRow({ name: 'Dollars', currency: 'USD', sortOrder: 40 });
  const groceries = categoryRow({ name: 'Groceries', groupName: 'Living', sortOrder: 10 });
  const rent = categoryRow({ name: 'Rent', groupName: 'Home', sortOrder: 20 });
  const unused = categoryRow({ name: 'Unused', groupName: 'Home', sortOrder: 30 });
  const salary = categoryRow({ name: 'Salary', groupName: 'Income', isIncome: true });
  const split = transactionRow({
    accountId: checking.id,
    date: '2026-03-05',
    amountMinor: -10_000,
  });
  const on = (
    accountId: string,
    date: string,
    amountMinor: number,
    categoryId: string | null,
    more: Partial<Transaction> = {},
  ) => transactionRow({ accountId, date, amountMinor, categoryId, ...more });
  const transactions = [
    on(checking.id, '2026-02-01', 300_000, salary.id),
    on(checking.id, '2026-02-02', -120_000, rent.id),
    on(card.id, '2026-02-10', -4_500, groceries.id),
    on(checking.id, '2026-02-15', -50_000, null, { transferAccountId: savings.id }),
    on(dollars.id, '2026-02-20', -2_000, groceries.id),
    split,
    on(checking.id, '2026-03-05', -6_000, groceries.id, { parentId: split.id }),
    on(checking.id, '2026-03-05', -3_000, rent.id, { parentId: split.id }),
    on(checking.id, '2026-03-08', 500, groceries.id),
    on(checking.id, '2026-03-12', -10_000, null, {
      transferAccountId: dollars.id,
      transferAmountMinor: 11_000,
    }),
    on(dollars.id, '2026-03-20', -3_000, groceries.id),
  ];
  const seed = {
    accounts: [checking, card, savings, dollars],
    categories: [groceries, rent, unused, salary],
    transactions,
  };
  return { checking, card, savings, dollars, groceries, rent, unused, salary, seed };
}
