import * as z from 'zod';

/** Response bodies of the finance endpoints (FINANCE §2–3), checked against their types in finance-schemas.spec.ts. */

const minor = (description: string) => z.int().describe(`${description}, minor units`);

export const categoryBudgetSchema = z.strictObject({
  categoryId: z.guid(),
  name: z.string(),
  groupName: z.string(),
  isIncome: z.boolean(),
  hidden: z.boolean(),
  carryOverspending: z.boolean(),
  budgeted: minor('Typed amount plus moves in minus moves out; 0 for income categories'),
  activity: minor("Σ of the month's rows in this category"),
  carryIn: minor('What last month leaves in this category; 0 for income categories'),
  available: minor('budgeted + activity + carryIn; 0 for income categories'),
});

export const monthBudgetSchema = z
  .strictObject({
    month: z.string().describe('YYYY-MM'),
    currency: z.string().describe('The budget currency (ISO 4217): every amount is in it'),
    income: minor('Σ activity of income categories'),
    fromLastMonth: minor("Last month's toBudget plus what it held for this month"),
    overspentLastMonth: minor(
      'Σ of negative available balances last month of categories without carry-over (≤ 0)',
    ),
    totalBudgeted: minor('Σ budgeted of expense categories'),
    held: minor('Held in this month for the next'),
    toBudget: minor('income + fromLastMonth + overspentLastMonth − totalBudgeted − held'),
    safeToAssign: minor(
      'The lowest toBudget of this month and every later month holding a budget cell, move or hold',
    ),
    uncategorized: minor('Activity without a live category, split remainders included'),
    categories: z
      .array(categoryBudgetSchema)
      .describe('Expense categories, then income categories, in display order'),
    excludedAccounts: z
      .array(z.guid())
      .describe('On-budget accounts in another currency than the budget: left out of it'),
  })
  .describe('The envelope budget of one month');

/** The reconcile answer, with the entities' own record schemas (so the documents cross-reference them). */
export function reconcileResponseSchema(records: {
  reconciliation: z.ZodType;
  transaction: z.ZodType;
}) {
  return z
    .strictObject({
      reconciliation: records.reconciliation,
      reconciledCount: z
        .int()
        .min(0)
        .describe('Rows counted (already reconciled ones included) plus the adjustment'),
      adjustment: records.transaction
        .nullable()
        .describe('The adjustment transaction; null when the statement matched'),
    })
    .describe('A finished reconciliation');
}
