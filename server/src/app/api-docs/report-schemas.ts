import * as z from 'zod';

/** Response bodies of the report endpoints (FINANCE §4), checked against their types in report-schemas.spec.ts. */

const minor = (description: string) => z.int().describe(`${description}, minor units`);
const month = () => z.string().describe('YYYY-MM');
const perMonth = (description: string) =>
  z.array(z.int()).describe(`${description}, minor units; one entry per month of months`);
const currency = () => z.string().describe('ISO 4217: every amount of the group is in it');

export const spendingCategorySchema = z.strictObject({
  categoryId: z.guid(),
  name: z.string(),
  groupName: z.string(),
  amounts: perMonth('−activity: spending positive, refunds reduce it'),
});

export const spendingReportSchema = z
  .strictObject({
    currency: z.string().describe('The budget currency (ISO 4217): every amount is in it'),
    months: z.array(month()).describe('from..to, in order'),
    categories: z
      .array(spendingCategorySchema)
      .describe('Every live expense category (hidden and empty ones too), in display order'),
    uncategorized: perMonth('−uncategorized activity, split remainders included'),
    totals: perMonth("The month's categories plus uncategorized"),
  })
  .describe('Spending by category per month, in the budget currency');

export const cashFlowMonthSchema = z.strictObject({
  month: month(),
  income: minor('Rows in income categories'),
  expense: minor(
    'Rows in expense categories, uncategorized rows that are not transfers and split remainders (outflows negative)',
  ),
  transfers: minor('Uncategorized transfers across the group edge: net − income − expense'),
  net: minor("The group's total balance change in the month"),
});

export const cashFlowReportSchema = z
  .strictObject({
    currencies: z
      .array(
        z.strictObject({
          currency: currency(),
          months: z.array(cashFlowMonthSchema).describe('One entry per month of the range'),
        }),
      )
      .describe(
        'One group per currency of the on-budget accounts, the budget currency first, then by code',
      ),
  })
  .describe('Cash flow of the on-budget accounts per currency and month');

export const netWorthMonthSchema = z.strictObject({
  month: month(),
  assets: minor('Σ positive account balances at the month end'),
  debts: minor('Σ negative account balances at the month end (≤ 0)'),
  net: minor('assets + debts'),
});

export const netWorthReportSchema = z
  .strictObject({
    currencies: z
      .array(
        z.strictObject({
          currency: currency(),
          months: z.array(netWorthMonthSchema).describe('One entry per month of the range'),
        }),
      )
      .describe('One group per currency of the accounts, the budget currency first, then by code'),
  })
  .describe('Net worth of every account per currency at each month end');
