import { TestBed } from '@angular/core/testing';
import { cashFlowReport, netWorthReport, spendingReport } from '@finwise/finance';
import { SyncClientService } from '../data/sync-client/sync-client.service';
import { setUpFakeSync } from '../data/testing/fake-sync-setup';
import { reportsHousehold } from '../testing/reports-household';
import { transactionRow } from '../testing/rows';
import { ReportData } from './report-data';

async function settle(): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/** The household's local rows, summed as the reports take them. */
async function reportData(seed: Record<string, readonly object[]>) {
  const sync = setUpFakeSync();
  TestBed.configureTestingModule({ providers: [...sync.providers, ReportData] });
  TestBed.inject(SyncClientService);
  await settle();
  for (const [modelName, rows] of Object.entries(seed)) sync.client().seed(modelName, rows);
  const data = TestBed.inject(ReportData);
  await settle();
  return { data, client: sync.client() };
}

describe('ReportData', () => {
  it('sums the local rows into the numbers of the three reports', async () => {
    const household = reportsHousehold();
    const { data } = await reportData(household.seed);
    expect(data.loaded()).toBe(true);
    const aggregates = data.aggregates();

    expect(spendingReport(aggregates, '2026-02', '2026-03')).toEqual({
      currency: 'EUR',
      months: ['2026-02', '2026-03'],
      categories: [
        {
          categoryId: household.groceries.id,
          name: 'Groceries',
          groupName: 'Living',
          amounts: [4_500, 5_500],
        },
        {
          categoryId: household.rent.id,
          name: 'Rent',
          groupName: 'Home',
          amounts: [120_000, 3_000],
        },
        { categoryId: household.unused.id, name: 'Unused', groupName: 'Home', amounts: [0, 0] },
      ],
      // February: 500.00 to off-budget Savings; March: the split's 10.00 and 100.00 to Dollars.
      uncategorized: [50_000, 11_000],
      totals: [174_500, 19_500],
    });

    expect(cashFlowReport(aggregates, '2026-02', '2026-03')).toEqual({
      currencies: [
        {
          currency: 'EUR',
          months: [
            {
              month: '2026-02',
              income: 300_000,
              expense: -124_500,
              transfers: -50_000,
              net: 125_500,
            },
            { month: '2026-03', income: 0, expense: -9_500, transfers: -10_000, net: -19_500 },
          ],
        },
        {
          currency: 'USD',
          months: [
            { month: '2026-02', income: 0, expense: -2_000, transfers: 0, net: -2_000 },
            { month: '2026-03', income: 0, expense: -3_000, transfers: 11_000, net: 8_000 },
          ],
        },
      ],
    });

    expect(netWorthReport(aggregates, '2026-02', '2026-03')).toEqual({
      currencies: [
        {
          currency: 'EUR',
          months: [
            { month: '2026-02', assets: 180_000, debts: -4_500, net: 175_500 },
            { month: '2026-03', assets: 160_500, debts: -4_500, net: 156_000 },
          ],
        },
        {
          currency: 'USD',
          months: [
            { month: '2026-02', assets: 0, debts: -2_000, net: -2_000 },
            { month: '2026-03', assets: 6_000, debts: 0, net: 6_000 },
          ],
        },
      ],
    });
  });

  it('follows rows that arrive from another device', async () => {
    const household = reportsHousehold();
    const { data, client } = await reportData(household.seed);
    client.seed('transactions', [
      transactionRow({
        accountId: household.card.id,
        date: '2026-03-28',
        amountMinor: -1_234,
        categoryId: household.groceries.id,
      }),
    ]);
    await settle();
    const spending = spendingReport(data.aggregates(), '2026-03', '2026-03');
    expect(spending.categories[0].amounts).toEqual([6_734]);
    expect(spending.totals).toEqual([20_734]);
  });
});
