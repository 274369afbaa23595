import { randomUUID } from 'node:crypto';
import { budgetId, settingsId } from '@finwise/domain';
import {
  budgetCurrencyOf,
  buildBudgetAggregates,
  computeMonthBudget,
  type BudgetCategory,
  type BudgetCellRow,
  type BudgetMonthRow,
  type BudgetMoveRow,
  type LedgerAccount,
  type LedgerTransaction,
  type SettingsRow,
} from '@finwise/finance';
import type { PushAck } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';
import {
  HOUSEHOLD_MONTHS,
  randomHousehold,
  type HouseholdWrite,
} from '../testing/random-household';

describe.each(testDatabaseKinds())('GET /api/budget/:month on %s', (kind) => {
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

  const budgetOf = async (session: TestSession, month: string) => {
    const response = await server.request('GET', `/budget/${month}`, {
      token: session.accessToken,
    });
    expect(response.status).toBe(200);
    return response.body;
  };

  /** The app's computation over every row the household synced. */
  async function computedInTheApp(client: TestSyncClient, month: string) {
    await client.catchUp();
    const of = <T>(modelName: string) =>
      [...client.rows]
        .filter(([key]) => key.startsWith(`${modelName}/`))
        .map(([, row]) => row) as unknown as T[];
    return computeMonthBudget(
      buildBudgetAggregates({
        currency: budgetCurrencyOf(of<SettingsRow>('settings')),
        transactions: of<LedgerTransaction>('transactions'),
        accounts: of<LedgerAccount>('accounts'),
        categories: of<BudgetCategory>('categories'),
        budgets: of<BudgetCellRow>('budgets'),
        budgetMoves: of<BudgetMoveRow>('budget_moves'),
        budgetMonths: of<BudgetMonthRow>('budget_months'),
      }),
      month,
    );
  }

  it('answers a household without data with zeros for any month', async () => {
    const { session, client } = await household();
    try {
      expect(await budgetOf(session, '2026-12')).toEqual({
        month: '2026-12',
        currency: 'EUR',
        income: 0,
        fromLastMonth: 0,
        overspentLastMonth: 0,
        totalBudgeted: 0,
        held: 0,
        toBudget: 0,
        safeToAssign: 0,
        uncategorized: 0,
        categories: [],
        excludedAccounts: [],
      });
    } finally {
      client.disconnect();
    }
  });

  it('refuses a malformed month with 400', async () => {
    const { session, client } = await household();
    client.disconnect();
    for (const month of ['2026-13', '2026-1', '26-01', '2026-00', 'december', '2026-01-01']) {
      const response = await server.request('GET', `/budget/${month}`, {
        token: session.accessToken,
      });
      expect({ month, status: response.status }).toEqual({ month, status: 400 });
      expect(response.body.message).toMatch(/YYYY-MM/);
    }
    const anonymous = await server.request('GET', '/budget/2026-01');
    expect(anonymous.status).toBe(401);
  });

  it('counts one month exactly: income, spending, overspending carried into the next month', async () => {
    const { session, client } = await household();
    try {
      const checking = randomUUID();
      const groceries = randomUUID();
      const salary = randomUUID();
      const row = (date: string, amountMinor: number, categoryId: string) => ({
        modelName: 'transactions',
        operation: 'create' as const,
        data: {
          id: randomUUID(),
          accountId: checking,
          date,
          amountMinor,
          categoryId,
          cleared: true,
          reconciled: false,
        },
      });
      await write(client, [
        {
          modelName: 'settings',
          operation: 'create',
          data: { id: settingsId(), budgetCurrency: 'EUR' },
        },
        {
          modelName: 'accounts',
          operation: 'create',
          data: {
            id: checking,
            name: 'Checking',
            type: 'checking',
            currency: 'EUR',
            onBudget: true,
            closed: false,
            sortOrder: 0,
          },
        },
        {
          modelName: 'categories',
          operation: 'create',
          data: {
            id: groceries,
            name: 'Groceries',
            groupName: 'Everyday',
            isIncome: false,
            hidden: false,
            sortOrder: 1,
            carryOverspending: false,
          },
        },
        {
          modelName: 'categories',
          operation: 'create',
          data: {
            id: salary,
            name: 'Salary',
            groupName: 'Income',
            isIncome: true,
            hidden: false,
            sortOrder: 2,
            carryOverspending: false,
          },
        },
        row('2026-01-01', 300_000, salary),
        row('2026-01-10', -60_000, groceries),
        {
          modelName: 'budgets',
          operation: 'create',
          data: {
            id: budgetId(groceries, '2026-01'),
            categoryId: groceries,
            month: '2026-01',
            budgetedMinor: 50_000,
          },
        },
      ]);

      const january = await budgetOf(session, '2026-01');
      expect(january).toMatchObject({
        income: 300_000,
        totalBudgeted: 50_000,
        toBudget: 250_000,
        safeToAssign: 250_000,
      });
      expect(january.categories).toEqual([
        expect.objectContaining({
          categoryId: groceries,
          budgeted: 50_000,
          activity: -60_000,
          carryIn: 0,
          available: -10_000,
        }),
        expect.objectContaining({
          categoryId: salary,
          isIncome: true,
          budgeted: 0,
          activity: 300_000,
          available: 0,
        }),
      ]);
      // The overspending is not carried: it comes out of February's To Budget.
      expect(await budgetOf(session, '2026-02')).toMatchObject({
        fromLastMonth: 250_000,
        overspentLastMonth: -10_000,
        toBudget: 240_000,
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
        for (const month of ['2025-10', ...HOUSEHOLD_MONTHS, '2026-07']) {
          expect(await budgetOf(session, month)).toEqual(await computedInTheApp(client, month));
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
      const budget = await budgetOf(mine.session, '2026-01');
      expect(budget.categories).toEqual([]);
      expect(budget.toBudget).toBe(0);
      expect(budget.excludedAccounts).toEqual([]);
    } finally {
      mine.client.disconnect();
      theirs.client.disconnect();
    }
  });
});
