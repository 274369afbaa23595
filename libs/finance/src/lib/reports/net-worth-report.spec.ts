import { account, row } from '../../testing/fixtures';
import { buildReportAggregates } from './build-report-aggregates';
import { netWorthReport } from './net-worth-report';
import { ReportRangeError } from './report-range';

const checking = account('checking');
const card = account('card');
const savings = account('savings', { onBudget: false });
const closed = account('closed', { closed: true });
const dollars = account('dollars', { currency: 'USD' });
const brokerage = account('brokerage', { currency: 'USD', onBudget: false });
const gone = account('gone', { deletedAt: '2026-01-31T00:00:00.000Z' });

const split = row({ accountId: checking.id, date: '2026-01-15', amountMinor: -5_000 });

const transactions = [
  // Before the range: carried in as opening balances.
  row({ accountId: checking.id, date: '2025-12-01', amountMinor: 100_000 }),
  row({ accountId: card.id, date: '2025-12-05', amountMinor: -30_000 }),
  row({ accountId: closed.id, date: '2025-11-20', amountMinor: 700 }),
  // January
  row({
    accountId: checking.id,
    date: '2026-01-10',
    amountMinor: -20_000,
    transferAccountId: savings.id,
  }),
  // The bank booked 5,000; the lines (5,500) do not change the balance, the transfer line does.
  split,
  row({ accountId: checking.id, date: '2026-01-15', amountMinor: -3_000, parentId: split.id }),
  row({
    accountId: checking.id,
    date: '2026-01-15',
    amountMinor: -2_500,
    transferAccountId: savings.id,
    parentId: split.id,
  }),
  row({ accountId: dollars.id, date: '2026-01-02', amountMinor: 5_000 }),
  // February: the card paid off, the closed account emptied.
  row({
    accountId: checking.id,
    date: '2026-02-01',
    amountMinor: -30_000,
    transferAccountId: card.id,
  }),
  row({ accountId: closed.id, date: '2026-02-03', amountMinor: -700 }),
  // Same currency, both live: the far side is the negated amount whatever was stored.
  row({
    accountId: dollars.id,
    date: '2026-02-02',
    amountMinor: -2_000,
    transferAmountMinor: 1_999,
    transferAccountId: brokerage.id,
  }),
  // EUR → USD: each side in its own currency, never added together.
  row({
    accountId: checking.id,
    date: '2026-02-20',
    amountMinor: -10_000,
    transferAmountMinor: 11_000,
    transferAccountId: dollars.id,
  }),
  // Counted nowhere: a deleted account, a deleted row, a row after the range.
  row({ accountId: gone.id, date: '2026-01-01', amountMinor: 99_999 }),
  row({
    accountId: checking.id,
    date: '2026-01-01',
    amountMinor: -12_345,
    deletedAt: '2026-01-02T00:00:00.000Z',
  }),
  row({ accountId: checking.id, date: '2026-03-01', amountMinor: -1 }),
];

const aggregates = buildReportAggregates({
  currency: 'EUR',
  accounts: [checking, card, savings, closed, dollars, brokerage, gone],
  categories: [],
  transactions,
});

describe('netWorthReport', () => {
  it('adds the balances of every account at each month end, per currency', () => {
    expect(netWorthReport(aggregates, '2026-01', '2026-02')).toEqual({
      currencies: [
        {
          currency: 'EUR',
          months: [
            // checking 75,000, savings 22,500, closed 700; card −30,000
            { month: '2026-01', assets: 98_200, debts: -30_000, net: 68_200 },
            // checking 35,000, savings 22,500; card and closed 0
            { month: '2026-02', assets: 57_500, debts: 0, net: 57_500 },
          ],
        },
        {
          currency: 'USD',
          months: [
            { month: '2026-01', assets: 5_000, debts: 0, net: 5_000 },
            // dollars 5,000 − 2,000 + 11,000; brokerage 2,000
            { month: '2026-02', assets: 16_000, debts: 0, net: 16_000 },
          ],
        },
      ],
    });
  });

  it('carries everything before the range in, however far back', () => {
    const march = netWorthReport(aggregates, '2026-03', '2026-03');
    expect(march.currencies[0].months).toEqual([
      { month: '2026-03', assets: 57_499, debts: 0, net: 57_499 },
    ]);
    const before = netWorthReport(aggregates, '2025-11', '2025-12');
    expect(before.currencies[0].months).toEqual([
      { month: '2025-11', assets: 700, debts: 0, net: 700 },
      { month: '2025-12', assets: 100_700, debts: -30_000, net: 70_700 },
    ]);
  });

  it('lists a currency with accounts but no rows, leading with the budget currency', () => {
    const report = netWorthReport(
      buildReportAggregates({
        currency: 'USD',
        accounts: [checking, brokerage, gone],
        categories: [],
        transactions: [],
      }),
      '2026-01',
      '2026-01',
    );
    expect(report).toEqual({
      currencies: [
        { currency: 'USD', months: [{ month: '2026-01', assets: 0, debts: 0, net: 0 }] },
        { currency: 'EUR', months: [{ month: '2026-01', assets: 0, debts: 0, net: 0 }] },
      ],
    });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => netWorthReport(aggregates, '2026-03', '2026-01')).toThrow(ReportRangeError);
  });
});
