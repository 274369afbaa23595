import { randomUUID } from 'node:crypto';
import { settingsId } from '@finwise/domain';
import {
  addMonths,
  budgetCurrencyOf,
  buildReportAggregates,
  cashFlowReport,
  netWorthReport,
  spendingReport,
  type BudgetCategory,
  type LedgerAccount,
  type LedgerTransaction,
  type SettingsRow,
} from '@finwise/finance';
import type { PushAck } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';
import { randomHousehold, type HouseholdWrite } from '../testing/random-household';

const REPORTS = ['spending', 'cash-flow', 'net-worth'] as const;

describe.each(testDatabaseKinds())('GET /api/reports/* on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function household(): Promise<{ session: TestSession; client: TestSyncClient }> {
    const session = await server.signup();
    return { session, client: await TestSyncClient.connected(server.url, session.accessToken) };
  }

  async function write(client: TestSyncClient, writes: readonly HouseholdWrite[]): Promise<void> {
    for (let i = 0; i < writes.length; i += 200) {
      const batch = writes
        .slice(i, i + 200)
        .map((w) => client.mutation(w.modelName, w.operation, w.data));
      const ack = (await client.push(batch)) as PushAck;
      const refused = ack.results.filter((result) => result.status !== 'applied');
      expect(refused).toEqual([]);
    }
  }

  const reportOf = async (session: TestSession, report: string, query = '') => {
    const response = await server.request('GET', `/reports/${report}${query}`, {
      token: session.accessToken,
    });
    expect(response.status).toBe(200);
    return response.body;
  };

  /** The app's computation over every row the household synced. */
  async function computedInTheApp(client: TestSyncClient, from: string, to: string) {
    await client.catchUp();
    const of = <T>(modelName: string) =>
      [...client.rows]
        .filter(([key]) => key.startsWith(`${modelName}/`))
        .map(([, row]) => row) as unknown as T[];
    const aggregates = buildReportAggregates({
      currency: budgetCurrencyOf(of<SettingsRow>('settings')),
      transactions: of<LedgerTransaction>('transactions'),
      accounts: of<LedgerAccount>('accounts'),
      categories: of<BudgetCategory>('categories'),
    });
    return {
      spending: spendingReport(aggregates, from, to),
      'cash-flow': cashFlowReport(aggregates, from, to),
      'net-worth': netWorthReport(aggregates, from, to),
    };
  }

  it('covers the last twelve months by default, with zeros for a household without data', async () => {
    const { session, client } = await household();
    client.disconnect();
    const to = new Date().toISOString().slice(0, 7);
    const months = Array.from({ length: 12 }, (_, i) => addMonths(to, i - 11));
    expect(await reportOf(session, 'spending')).toEqual({
      currency: 'EUR',
      months,
      categories: [],
      uncategorized: months.map(() => 0),
      totals: months.map(() => 0),
    });
    expect(await reportOf(session, 'cash-flow')).toEqual({ currencies: [] });
    expect(await reportOf(session, 'net-worth')).toEqual({ currencies: [] });
    const january = await reportOf(session, 'spending', '?to=2026-01');
    expect([january.months[0], january.months.at(-1)]).toEqual(['2025-02', '2026-01']);
  });

  it('refuses a malformed, reversed or too long range with 400 validation', async () => {
    const { session, client } = await household();
    client.disconnect();
    const cases: [string, string][] = [
      ['?from=2026-13', 'from must be one month YYYY-MM (got 2026-13)'],
      ['?from=2026-01&to=2026-1', 'to must be one month YYYY-MM (got 2026-1)'],
      ['?from=2026-03&to=2026-02', 'from must not be after to (2026-02)'],
      [
        '?from=2016-12&to=2026-12',
        'from is too early: a report covers at most 120 months (2016-12..2026-12 is 121)',
      ],
      ['?from=2026-01&from=2026-02&to=2026-03', 'from must be one month YYYY-MM'],
    ];
    for (const report of REPORTS) {
      for (const [query, message] of cases) {
        const response = await server.request('GET', `/reports/${report}${query}`, {
          token: session.accessToken,
        });
        expect({ report, query, status: response.status, body: response.body }).toEqual({
          report,
          query,
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message,
            details: { code: 'validation', issues: [expect.any(Object)] },
          },
        });
      }
      // 120 months is the longest range: answered.
      await reportOf(session, report, '?from=2017-01&to=2026-12');
      expect((await server.request('GET', `/reports/${report}`)).status).toBe(401);
    }
  });

  it('counts a multi-currency household exactly', async () => {
    const { session, client } = await household();
    try {
      const ids = {
        checking: randomUUID(),
        card: randomUUID(),
        savings: randomUUID(),
        dollars: randomUUID(),
        closed: randomUUID(),
        brokerage: randomUUID(),
        gone: randomUUID(),
        rent: randomUUID(),
        groceries: randomUUID(),
        travel: randomUUID(),
        salary: randomUUID(),
        old: randomUUID(),
        split: randomUUID(),
        mistake: randomUUID(),
      };
      const account = (id: string, name: string, currency: string, fields = {}) => ({
        modelName: 'accounts',
        operation: 'create' as const,
        data: {
          id,
          name,
          type: 'checking',
          currency,
          onBudget: true,
          closed: false,
          sortOrder: 0,
          ...fields,
        },
      });
      const category = (id: string, name: string, groupName: string, fields = {}) => ({
        modelName: 'categories',
        operation: 'create' as const,
        data: {
          id,
          name,
          groupName,
          isIncome: false,
          hidden: false,
          sortOrder: 0,
          carryOverspending: false,
          ...fields,
        },
      });
      const row = (
        accountId: string,
        date: string,
        amountMinor: number,
        categoryId: string | null,
        fields: Record<string, unknown> = {},
      ) => ({
        modelName: 'transactions',
        operation: 'create' as const,
        data: {
          id: randomUUID(),
          accountId,
          date,
          amountMinor,
          categoryId,
          cleared: true,
          reconciled: false,
          ...fields,
        },
      });
      const { checking, card, savings, dollars, closed, brokerage, gone } = ids;
      const { rent, groceries, travel, salary, old } = ids;
      await write(client, [
        {
          modelName: 'settings',
          operation: 'create',
          data: { id: settingsId(), budgetCurrency: 'EUR' },
        },
        account(checking, 'Checking', 'EUR'),
        account(card, 'Card', 'EUR'),
        account(savings, 'Savings', 'EUR', { onBudget: false }),
        account(dollars, 'Dollars', 'USD'),
        account(closed, 'Old giro', 'EUR', { closed: true }),
        account(brokerage, 'Brokerage', 'USD', { onBudget: false }),
        account(gone, 'Gone', 'EUR'),
        category(rent, 'Rent', 'Fixed', { sortOrder: 0 }),
        category(groceries, 'Groceries', 'Everyday', { sortOrder: 1 }),
        category(travel, 'Travel', 'Fun', { sortOrder: 2, hidden: true }),
        category(salary, 'Salary', 'Income', { isIncome: true, sortOrder: 3 }),
        category(old, 'Old', 'Fun', { sortOrder: 4 }),
        // December: before the range, carried into net worth only.
        row(checking, '2025-12-01', 100_000, salary),
        row(card, '2025-12-05', -30_000, groceries),
        row(closed, '2025-12-10', 1_500, null),
        // January
        row(checking, '2026-01-25', 300_000, salary),
        row(checking, '2026-01-03', -5_000, groceries),
        row(checking, '2026-01-20', 1_200, groceries),
        row(card, '2026-01-01', -80_000, rent),
        row(checking, '2026-01-26', -20_000, rent, { transferAccountId: card }),
        row(checking, '2026-01-27', -10_000, null, { transferAccountId: savings }),
        row(checking, '2026-01-28', -10_000, travel, {
          transferAccountId: dollars,
          transferAmountMinor: 11_000,
        }),
        row(dollars, '2026-01-05', -4_000, groceries),
        row(savings, '2026-01-06', -5_000, null, {
          transferAccountId: dollars,
          transferAmountMinor: 5_400,
        }),
        row(gone, '2026-01-07', 7_777, salary),
        // February
        {
          modelName: 'transactions',
          operation: 'create',
          data: {
            id: ids.split,
            accountId: checking,
            date: '2026-02-14',
            amountMinor: -10_000,
            cleared: true,
            reconciled: false,
          },
        },
        row(checking, '2026-02-14', -6_000, groceries, { parentId: ids.split }),
        row(checking, '2026-02-14', -3_000, rent, { parentId: ids.split }),
        row(closed, '2026-02-03', -1_500, rent),
        row(dollars, '2026-02-01', 50_000, salary),
        row(dollars, '2026-02-02', -2_000, null, {
          transferAccountId: brokerage,
          transferAmountMinor: 1_999,
        }),
        row(checking, '2026-02-09', -700, old),
        {
          modelName: 'transactions',
          operation: 'create',
          data: {
            id: ids.mistake,
            accountId: checking,
            date: '2026-02-10',
            amountMinor: -99_999,
            categoryId: groceries,
            cleared: false,
            reconciled: false,
          },
        },
        { modelName: 'transactions', operation: 'delete', data: { id: ids.mistake } },
        { modelName: 'categories', operation: 'delete', data: { id: old } },
        { modelName: 'accounts', operation: 'delete', data: { id: gone } },
      ]);

      const query = '?from=2026-01&to=2026-02';
      expect(await reportOf(session, 'spending', query)).toEqual({
        currency: 'EUR',
        months: ['2026-01', '2026-02'],
        categories: [
          { categoryId: rent, name: 'Rent', groupName: 'Fixed', amounts: [80_000, 4_500] },
          {
            categoryId: groceries,
            name: 'Groceries',
            groupName: 'Everyday',
            amounts: [3_800, 6_000],
          },
          { categoryId: travel, name: 'Travel', groupName: 'Fun', amounts: [10_000, 0] },
        ],
        // January: to savings. February: the split's 1,000 left over, the deleted category's 700.
        uncategorized: [10_000, 1_700],
        totals: [103_800, 12_200],
      });
      expect(await reportOf(session, 'cash-flow', query)).toEqual({
        currencies: [
          {
            currency: 'EUR',
            months: [
              {
                month: '2026-01',
                income: 300_000,
                expense: -93_800,
                transfers: -10_000,
                net: 196_200,
              },
              { month: '2026-02', income: 0, expense: -12_200, transfers: 0, net: -12_200 },
            ],
          },
          {
            currency: 'USD',
            months: [
              { month: '2026-01', income: 0, expense: 7_000, transfers: 5_400, net: 12_400 },
              { month: '2026-02', income: 50_000, expense: 0, transfers: -2_000, net: 48_000 },
            ],
          },
        ],
      });
      expect(await reportOf(session, 'net-worth', query)).toEqual({
        currencies: [
          {
            currency: 'EUR',
            months: [
              // checking 356,200, savings 5,000, closed 1,500; card −90,000
              { month: '2026-01', assets: 362_700, debts: -90_000, net: 272_700 },
              // checking 345,500, savings 5,000; card −90,000
              { month: '2026-02', assets: 350_500, debts: -90_000, net: 260_500 },
            ],
          },
          {
            currency: 'USD',
            months: [
              { month: '2026-01', assets: 12_400, debts: 0, net: 12_400 },
              { month: '2026-02', assets: 62_400, debts: 0, net: 62_400 },
            ],
          },
        ],
      });
    } finally {
      client.disconnect();
    }
  });

  it.each([1, 2, 3])(
    'agrees with the app computing from its local rows (random household %i)',
    async (seed) => {
      const { session, client } = await household();
      try {
        await write(client, randomHousehold(seed));
        for (const [from, to] of [
          ['2025-09', '2026-04'],
          ['2026-01', '2026-02'],
          ['2026-03', '2026-07'],
        ]) {
          const app = await computedInTheApp(client, from, to);
          for (const report of REPORTS) {
            expect({
              report,
              from,
              body: await reportOf(session, report, `?from=${from}&to=${to}`),
            }).toEqual({ report, from, body: app[report] });
          }
        }
      } finally {
        client.disconnect();
      }
    },
  );

  it("never shows another household's rows", async () => {
    const mine = await household();
    const theirs = await household();
    try {
      await write(theirs.client, randomHousehold(7, 40));
      const query = '?from=2025-11&to=2026-03';
      expect((await reportOf(mine.session, 'spending', query)).categories).toEqual([]);
      expect((await reportOf(mine.session, 'spending', query)).totals).toEqual([0, 0, 0, 0, 0]);
      expect(await reportOf(mine.session, 'cash-flow', query)).toEqual({ currencies: [] });
      expect(await reportOf(mine.session, 'net-worth', query)).toEqual({ currencies: [] });
      // …while theirs has data in the same months.
      const theirNetWorth = await reportOf(theirs.session, 'net-worth', query);
      expect(theirNetWorth.currencies.length).toBeGreaterThan(0);
    } finally {
      mine.client.disconnect();
      theirs.client.disconnect();
    }
  });
});
