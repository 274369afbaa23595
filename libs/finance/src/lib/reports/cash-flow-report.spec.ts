import { account, category, id, row } from '../../testing/fixtures';
import { buildReportAggregates } from './build-report-aggregates';
import { cashFlowReport } from './cash-flow-report';
import { ReportRangeError } from './report-range';

const checking = account('checking');
const card = account('card');
const closed = account('closed', { closed: true });
const savings = account('savings', { onBudget: false });
const dollars = account('dollars', { currency: 'USD' });
const pounds = account('pounds', { currency: 'GBP', onBudget: false });
const gone = account('gone', { currency: 'CHF', deletedAt: '2026-01-31T00:00:00.000Z' });

const rent = category('rent');
const groceries = category('groceries');
const fun = category('fun', { hidden: true });
const salary = category('salary', { isIncome: true });
const retired = category('retired', { deletedAt: '2026-01-01T00:00:00.000Z' });

const balancedSplit = row({ accountId: checking.id, date: '2026-02-14', amountMinor: -10_000 });
const transferSplit = row({ accountId: checking.id, date: '2026-02-15', amountMinor: -5_000 });

const january = [
  row({ accountId: checking.id, date: '2026-01-25', amountMinor: 300_000, categoryId: salary.id }),
  row({
    accountId: checking.id,
    date: '2026-01-03',
    amountMinor: -5_000,
    categoryId: groceries.id,
  }),
  row({ accountId: checking.id, date: '2026-01-20', amountMinor: 1_200, categoryId: groceries.id }),
  row({ accountId: card.id, date: '2026-01-01', amountMinor: -80_000, categoryId: rent.id }),
  // Inside the EUR group: adds 0, its category ignored.
  row({
    accountId: checking.id,
    date: '2026-01-26',
    amountMinor: -20_000,
    categoryId: rent.id,
    transferAccountId: card.id,
  }),
  // Across the edge to an off-budget account, uncategorized: a transfer.
  row({
    accountId: checking.id,
    date: '2026-01-27',
    amountMinor: -10_000,
    transferAccountId: savings.id,
  }),
  // EUR → USD under an expense category: expense in EUR and, positive, in USD.
  row({
    accountId: checking.id,
    date: '2026-01-28',
    amountMinor: -10_000,
    transferAmountMinor: 11_000,
    categoryId: fun.id,
    transferAccountId: dollars.id,
  }),
  // EUR → USD uncategorized: a transfer in both groups, each in its own currency.
  row({
    accountId: checking.id,
    date: '2026-01-29',
    amountMinor: -2_000,
    transferAmountMinor: 2_200,
    transferAccountId: dollars.id,
  }),
  row({ accountId: dollars.id, date: '2026-01-05', amountMinor: -4_000, categoryId: groceries.id }),
  // Off-budget EUR → USD: only the USD side is in a group.
  row({
    accountId: savings.id,
    date: '2026-01-06',
    amountMinor: -5_000,
    transferAmountMinor: 5_400,
    transferAccountId: dollars.id,
  }),
  // Uncategorized money that is no transfer is expense, signed.
  row({ accountId: checking.id, date: '2026-01-30', amountMinor: 250 }),
  // Off-budget accounts are in no group.
  row({ accountId: pounds.id, date: '2026-01-30', amountMinor: -9_000, categoryId: rent.id }),
];

const february = [
  balancedSplit,
  row({
    accountId: checking.id,
    date: '2026-02-14',
    amountMinor: -6_000,
    categoryId: groceries.id,
    parentId: balancedSplit.id,
  }),
  row({
    accountId: checking.id,
    date: '2026-02-14',
    amountMinor: -3_000,
    categoryId: rent.id,
    parentId: balancedSplit.id,
  }),
  // A split whose only line is an uncategorized transfer to savings.
  transferSplit,
  row({
    accountId: checking.id,
    date: '2026-02-15',
    amountMinor: -5_000,
    transferAccountId: savings.id,
    parentId: transferSplit.id,
  }),
  row({ accountId: checking.id, date: '2026-02-02', amountMinor: -700, categoryId: retired.id }),
  // A transfer whose category is not live has none: a transfer.
  row({
    accountId: checking.id,
    date: '2026-02-03',
    amountMinor: -300,
    categoryId: retired.id,
    transferAccountId: savings.id,
  }),
  row({ accountId: closed.id, date: '2026-02-03', amountMinor: -1_500, categoryId: rent.id }),
  row({ accountId: dollars.id, date: '2026-02-01', amountMinor: 50_000, categoryId: salary.id }),
  // A transfer to an account this device does not know: a transfer on the known side.
  row({
    accountId: checking.id,
    date: '2026-02-04',
    amountMinor: -100,
    transferAccountId: id('unknown-account'),
  }),
  // From a deleted account: its own side counts nowhere, the leg into checking does.
  row({
    accountId: gone.id,
    date: '2026-02-05',
    amountMinor: -400,
    transferAccountId: checking.id,
  }),
  row({
    accountId: checking.id,
    date: '2026-02-06',
    amountMinor: -99_999,
    categoryId: groceries.id,
    deletedAt: '2026-02-07T00:00:00.000Z',
  }),
];

const aggregates = buildReportAggregates({
  currency: 'EUR',
  accounts: [checking, card, closed, savings, dollars, pounds, gone],
  categories: [rent, groceries, fun, salary, retired],
  transactions: [...january, ...february],
});

describe('cashFlowReport', () => {
  it('counts income, expense, transfers and net per currency of the on-budget accounts', () => {
    expect(cashFlowReport(aggregates, '2026-01', '2026-02')).toEqual({
      currencies: [
        {
          currency: 'EUR',
          months: [
            {
              month: '2026-01',
              income: 300_000,
              // −5,000 + 1,200 − 80,000 − 10,000 (fun, to dollars) + 250 (uncategorized)
              expense: -93_550,
              // −10,000 to savings, −2,000 to dollars
              transfers: -12_000,
              net: 194_450,
            },
            {
              month: '2026-02',
              income: 0,
              // the balanced split −10,000, the retired category −700, the closed account −1,500
              expense: -12_200,
              // −5,000 split line to savings, −300, −100 to the unknown account, +400 from gone
              transfers: -5_000,
              net: -17_200,
            },
          ],
        },
        {
          currency: 'USD',
          months: [
            // +11,000 fun from EUR, −4,000 groceries; +5,400 from savings, +2,200 from checking
            { month: '2026-01', income: 0, expense: 7_000, transfers: 7_600, net: 14_600 },
            { month: '2026-02', income: 50_000, expense: 0, transfers: 0, net: 50_000 },
          ],
        },
      ],
    });
  });

  it('leads with the budget currency, and lists only currencies of live on-budget accounts', () => {
    const usdFirst = cashFlowReport({ ...aggregates, currency: 'USD' }, '2026-01', '2026-01');
    expect(usdFirst.currencies.map((group) => group.currency)).toEqual(['USD', 'EUR']);
    const none = cashFlowReport(
      buildReportAggregates({
        currency: 'EUR',
        accounts: [savings, pounds, gone],
        categories: [],
        transactions: january,
      }),
      '2026-01',
      '2026-01',
    );
    expect(none).toEqual({ currencies: [] });
  });

  it('gives zeros for months without rows', () => {
    const report = cashFlowReport(aggregates, '2025-12', '2025-12');
    expect(report.currencies.map((group) => group.months)).toEqual([
      [{ month: '2025-12', income: 0, expense: 0, transfers: 0, net: 0 }],
      [{ month: '2025-12', income: 0, expense: 0, transfers: 0, net: 0 }],
    ]);
  });

  it('refuses a malformed range', () => {
    expect(() => cashFlowReport(aggregates, '2026-1', '2026-02')).toThrow(ReportRangeError);
  });
});
