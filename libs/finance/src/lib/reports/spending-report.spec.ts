import { account, category, id, row } from '../../testing/fixtures';
import { buildReportAggregates } from './build-report-aggregates';
import { ReportRangeError } from './report-range';
import { spendingReport } from './spending-report';

const checking = account('checking');
const card = account('card');
const closed = account('closed', { closed: true });
const savings = account('savings', { onBudget: false });
const dollars = account('dollars', { currency: 'USD' });
const gone = account('gone', { deletedAt: '2026-01-31T00:00:00.000Z' });

const rent = category('rent', { groupName: 'Fixed', sortOrder: 0 });
const groceries = category('groceries', { groupName: 'Everyday', sortOrder: 1 });
const fun = category('fun', { groupName: 'Fun', sortOrder: 2, hidden: true });
const gifts = category('gifts', { groupName: 'Fun', sortOrder: 3 });
const salary = category('salary', { isIncome: true });
const retired = category('retired', { deletedAt: '2026-01-01T00:00:00.000Z' });

const splitParent = row({ accountId: checking.id, date: '2026-02-14', amountMinor: -10_000 });

const transactions = [
  // January
  row({
    accountId: checking.id,
    date: '2026-01-03',
    amountMinor: -5_000,
    categoryId: groceries.id,
  }),
  // A refund reduces the category's spending.
  row({ accountId: checking.id, date: '2026-01-20', amountMinor: 1_200, categoryId: groceries.id }),
  row({ accountId: card.id, date: '2026-01-01', amountMinor: -80_000, categoryId: rent.id }),
  row({ accountId: checking.id, date: '2026-01-25', amountMinor: 300_000, categoryId: salary.id }),
  // Between two budget accounts: no spending, whatever its category says.
  row({
    accountId: checking.id,
    date: '2026-01-26',
    amountMinor: -20_000,
    categoryId: rent.id,
    transferAccountId: card.id,
  }),
  // To an off-budget account, uncategorized: uncategorized spending.
  row({
    accountId: checking.id,
    date: '2026-01-27',
    amountMinor: -10_000,
    transferAccountId: savings.id,
  }),
  // To the dollar account (out of the EUR budget), categorized: spending on the EUR side.
  row({
    accountId: checking.id,
    date: '2026-01-28',
    amountMinor: -10_000,
    transferAmountMinor: 11_000,
    categoryId: fun.id,
    transferAccountId: dollars.id,
  }),
  // Rows of the dollar account are not in the EUR budget.
  row({ accountId: dollars.id, date: '2026-01-05', amountMinor: -4_000, categoryId: groceries.id }),
  // February: a split with 1,000 left to assign.
  splitParent,
  row({
    accountId: checking.id,
    date: '2026-02-14',
    amountMinor: -6_000,
    categoryId: groceries.id,
    parentId: splitParent.id,
  }),
  row({
    accountId: savings.id,
    date: '2025-07-01',
    amountMinor: -3_000,
    categoryId: rent.id,
    parentId: splitParent.id,
  }),
  row({ accountId: checking.id, date: '2026-02-02', amountMinor: -700, categoryId: retired.id }),
  row({ accountId: closed.id, date: '2026-02-03', amountMinor: -1_500, categoryId: rent.id }),
  // Counted nowhere: a deleted row, a row of a deleted account, a line without a parent, March.
  row({
    accountId: checking.id,
    date: '2026-02-04',
    amountMinor: -99_999,
    categoryId: groceries.id,
    deletedAt: '2026-02-05T00:00:00.000Z',
  }),
  row({ accountId: gone.id, date: '2026-02-04', amountMinor: -555, categoryId: groceries.id }),
  row({
    accountId: checking.id,
    date: '2026-02-04',
    amountMinor: -444,
    categoryId: groceries.id,
    parentId: id('missing-parent'),
  }),
  row({ accountId: checking.id, date: '2026-03-01', amountMinor: -333, categoryId: rent.id }),
];

const aggregates = buildReportAggregates({
  currency: 'EUR',
  accounts: [checking, card, closed, savings, dollars, gone],
  categories: [rent, groceries, fun, gifts, salary, retired],
  transactions,
});

describe('spendingReport', () => {
  it('lists every live expense category per month, spending positive, in display order', () => {
    expect(spendingReport(aggregates, '2026-01', '2026-02')).toEqual({
      currency: 'EUR',
      months: ['2026-01', '2026-02'],
      categories: [
        // 80,000 on the card; 3,000 split line and 1,500 on the closed account in February.
        { categoryId: rent.id, name: 'rent', groupName: 'Fixed', amounts: [80_000, 4_500] },
        // 5,000 − 1,200 refunded; the split line's 6,000.
        {
          categoryId: groceries.id,
          name: 'groceries',
          groupName: 'Everyday',
          amounts: [3_800, 6_000],
        },
        // Hidden categories are listed: 10,000 sent to the dollar account under it.
        { categoryId: fun.id, name: 'fun', groupName: 'Fun', amounts: [10_000, 0] },
        { categoryId: gifts.id, name: 'gifts', groupName: 'Fun', amounts: [0, 0] },
      ],
      // January: the transfer to savings; February: the split remainder and the retired category.
      uncategorized: [10_000, 1_700],
      totals: [103_800, 12_200],
    });
  });

  it('is in the budget currency: a USD budget sees only the dollar account', () => {
    const report = spendingReport({ ...aggregates, currency: 'USD' }, '2026-01', '2026-01');
    expect(report.currency).toBe('USD');
    // The dollar account's groceries; the 11,000 arriving from checking is a refund of fun.
    expect(report.categories.map((line) => line.amounts[0])).toEqual([0, 4_000, -11_000, 0]);
    expect(report.totals).toEqual([-7_000]);
  });

  it('gives zero rows for months without data and a household without categories', () => {
    const empty = spendingReport(
      buildReportAggregates({ currency: 'EUR', accounts: [], categories: [], transactions: [] }),
      '2025-12',
      '2026-01',
    );
    expect(empty).toEqual({
      currency: 'EUR',
      months: ['2025-12', '2026-01'],
      categories: [],
      uncategorized: [0, 0],
      totals: [0, 0],
    });
    expect(spendingReport(aggregates, '2025-01', '2025-01').totals).toEqual([0]);
  });

  it('refuses a reversed or too long range', () => {
    expect(() => spendingReport(aggregates, '2026-02', '2026-01')).toThrow(ReportRangeError);
    expect(() => spendingReport(aggregates, '2016-01', '2026-01')).toThrow(ReportRangeError);
  });
});
