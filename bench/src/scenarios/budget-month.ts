import { randomUUID } from 'node:crypto';
import { budgetId } from '@finwise/domain';
import { addMonths } from '@finwise/finance';
import { HybridLogicalClock, randomNodeId, type Mutation } from '@finwise/sync-protocol';
import type { Scenario } from '../harness/context';
import { openPushRun } from '../harness/protocol-drivers';
import { signup } from '../harness/session';
import { median } from '../harness/stats';
import { packBatches } from '../harness/transaction-rows';

const MONTHS = 60;
const FIRST_MONTH = '2022-01';
const CATEGORIES = 24;
const SAMPLES = 30;

/**
 * The raw baseline: the aggregate a hand-written budget would start from, the household's live
 * rows summed per month and category, on the same table and with the same tenant filter.
 */
const RAW_AGGREGATE = `
  SELECT to_char(date, 'YYYY-MM') AS month, category_id, SUM(amount_minor)::bigint AS amount
  FROM transactions WHERE tenant_id = $1 AND deleted_at IS NULL
  GROUP BY 1, 2`;

/**
 * Scenario 7: `GET /api/budget/:month` for a household with years of history (100,000 rows over
 * five years, every category budgeted every month), the last month asked for, so every month
 * before it is computed. Ours is the whole request (HTTP, auth, the aggregate SQL of the ledger
 * rules, the budget computed in Node, JSON); the baseline is the raw GROUP BY above run directly
 * on PostgreSQL. Both are medians of alternating samples on a warm cache.
 */
export const budgetMonth: Scenario = {
  name: 'budget',
  title: '7. month budget of a household with years of history',
  async run(context) {
    const rows = context.options.sizes.budgetRows;
    const server = await context.primaryServer();
    const session = await signup(server.url, 'budget');
    const runner = await openPushRun(server.url, session, null);
    try {
      await runner.push(packBatches(householdMutations(rows)));
    } finally {
      await runner.close();
    }
    await context.settle();

    const month = addMonths(FIRST_MONTH, MONTHS - 1);
    const ask = async () => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/budget/${month}`, {
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
      const body = (await response.json()) as { categories?: unknown[] };
      if (response.status !== 200 || body.categories?.length !== CATEGORIES + 1) {
        throw new Error(
          `budget request failed: ${response.status} ${JSON.stringify(body).slice(0, 200)}`,
        );
      }
      return performance.now() - started;
    };
    const raw = async () => {
      const started = performance.now();
      await context.database.pool.query(RAW_AGGREGATE, [session.tenantId]);
      return performance.now() - started;
    };
    // Warm-up: plans cached, pages in memory, JIT compiled on both sides.
    for (let i = 0; i < 3; i++) {
      await ask();
      await raw();
    }
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      ours.push(await ask());
      baseline.push(await raw());
    }
    const oursMs = median(ours);
    const rawMs = median(baseline);
    context.log(
      `${rows.toLocaleString('en-US')} rows over ${MONTHS} months: ours ${oursMs.toFixed(1)} ms / raw aggregate ${rawMs.toFixed(1)} ms`,
    );
    context.record({
      scenario: 'budget',
      metric: 'GET /api/budget/:month',
      detail: `${rows.toLocaleString('en-US')} rows, ${MONTHS} months`,
      unit: 'ms',
      ours: oursMs,
      baseline: rawMs,
      baselineName: 'raw pg GROUP BY month, category',
      better: 'lower',
      target: { op: '<=', ratio: 1.5 },
    });
  },
};

/** Accounts, categories, a budget cell per category and month, then `rows` transactions. */
function householdMutations(rows: number): Mutation[] {
  const clock = new HybridLogicalClock(randomNodeId());
  const mutation = (
    modelName: string,
    data: { id: string } & Record<string, unknown>,
  ): Mutation => ({
    mutationId: randomUUID(),
    modelName,
    operation: 'create',
    data,
    hlc: clock.tick(),
  });
  const accounts = ['checking', 'savings', 'credit'].map((type, i) =>
    mutation('accounts', {
      id: randomUUID(),
      name: type,
      type,
      currency: 'EUR',
      onBudget: true,
      closed: false,
      sortOrder: i,
    }),
  );
  const categories = Array.from({ length: CATEGORIES + 1 }, (_, i) =>
    mutation('categories', {
      id: randomUUID(),
      name: i === 0 ? 'Salary' : `Category ${i}`,
      groupName: i === 0 ? 'Income' : `Group ${i % 5}`,
      isIncome: i === 0,
      hidden: false,
      sortOrder: i,
      carryOverspending: i % 4 === 0,
    }),
  );
  const accountIds = accounts.map((m) => m.data.id);
  const categoryIds = categories.map((m) => m.data.id);
  const cells: Mutation[] = [];
  for (let m = 0; m < MONTHS; m++) {
    const month = addMonths(FIRST_MONTH, m);
    for (const categoryId of categoryIds.slice(1)) {
      cells.push(
        mutation('budgets', {
          id: budgetId(categoryId, month),
          categoryId,
          month,
          budgetedMinor: 10_000 + ((m * 7 + cells.length) % 20) * 1_000,
        }),
      );
    }
  }
  const transactions = Array.from({ length: rows }, (_, i) => {
    const month = addMonths(FIRST_MONTH, i % MONTHS);
    const income = i % 25 === 0;
    // Every 20th row moves money between two budget accounts: no activity, as the rules say.
    const transfer = i % 20 === 1;
    return mutation('transactions', {
      id: randomUUID(),
      accountId: accountIds[i % 3],
      date: `${month}-${String(1 + (i % 28)).padStart(2, '0')}`,
      amountMinor: income ? 250_000 : -(100 + ((i * 7919) % 20_000)),
      categoryId: income ? categoryIds[0] : transfer ? null : categoryIds[1 + (i % CATEGORIES)],
      cleared: i % 3 !== 0,
      reconciled: false,
      ...(transfer ? { transferAccountId: accountIds[(i + 1) % 3] } : {}),
    });
  });
  return [...accounts, ...categories, ...cells, ...transactions];
}
