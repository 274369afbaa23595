import { randomUUID } from 'node:crypto';
import { addMonths, lastDayOf } from '@finwise/finance';
import { HybridLogicalClock, randomNodeId, type Mutation } from '@finwise/sync-protocol';
import type { Scenario } from '../harness/context';
import { openPushRun } from '../harness/protocol-drivers';
import { signup } from '../harness/session';
import { median } from '../harness/stats';
import { packBatches } from '../harness/transaction-rows';

const MONTHS = 60;
const FIRST_MONTH = '2022-01';
const LAST_MONTH = addMonths(FIRST_MONTH, MONTHS - 1);
const CATEGORIES = 24;
const SAMPLES = 30;

/**
 * Each report with the raw aggregate a hand-written one would start from: the household's live
 * rows of the range summed per month and category (spending), per month, account and category
 * (cash flow), or per month and account up to the range's end (net worth), on the same table
 * with the same tenant filter, run directly on PostgreSQL.
 */
const REPORTS = [
  {
    name: 'spending',
    check: (body: ReportBody) => body.categories?.length === CATEGORIES,
    raw: `
      SELECT to_char(date, 'YYYY-MM') AS month, category_id, SUM(amount_minor)::bigint AS amount
      FROM transactions
      WHERE tenant_id = $1 AND deleted_at IS NULL AND date >= $2 AND date <= $3
      GROUP BY 1, 2`,
    rawName: 'raw pg GROUP BY month, category',
  },
  {
    name: 'cash-flow',
    check: (body: ReportBody) => body.currencies?.length === 2,
    raw: `
      SELECT to_char(date, 'YYYY-MM') AS month, account_id, category_id,
             SUM(amount_minor)::bigint AS amount
      FROM transactions
      WHERE tenant_id = $1 AND deleted_at IS NULL AND date >= $2 AND date <= $3
      GROUP BY 1, 2, 3`,
    rawName: 'raw pg GROUP BY month, account, category',
  },
  {
    name: 'net-worth',
    check: (body: ReportBody) => body.currencies?.length === 2,
    upToEnd: true,
    raw: `
      SELECT to_char(date, 'YYYY-MM') AS month, account_id, SUM(amount_minor)::bigint AS amount
      FROM transactions
      WHERE tenant_id = $1 AND deleted_at IS NULL AND date <= $2
      GROUP BY 1, 2`,
    rawName: 'raw pg GROUP BY month, account',
  },
] as const;

interface ReportBody {
  categories?: unknown[];
  currencies?: unknown[];
}

/**
 * Scenario 9: the three reports (`GET /api/reports/spending|cash-flow|net-worth`) of a household
 * with five years of history in two currencies, over all of it (60 months), so every row counts
 * on both sides. Ours is the whole request (HTTP, auth, the aggregate SQL of the ledger rules,
 * the report computed in Node, JSON); the baseline is the raw GROUP BY above. Both are medians
 * of alternating samples on a warm cache.
 */
export const reports: Scenario = {
  name: 'reports',
  title: '9. reports over five years of a household in two currencies',
  async run(context) {
    const rows = context.options.sizes.reportRows;
    const server = await context.primaryServer();
    const session = await signup(server.url, 'reports');
    const runner = await openPushRun(server.url, session, null);
    try {
      await runner.push(packBatches(householdMutations(rows)));
    } finally {
      await runner.close();
    }
    await context.settle();

    const [firstDay, lastDay] = [`${FIRST_MONTH}-01`, lastDayOf(LAST_MONTH)];
    for (const report of REPORTS) {
      const ask = async () => {
        const started = performance.now();
        const response = await fetch(
          `${server.url}/api/reports/${report.name}?from=${FIRST_MONTH}&to=${LAST_MONTH}`,
          { headers: { authorization: `Bearer ${session.accessToken}` } },
        );
        const body = (await response.json()) as ReportBody;
        if (response.status !== 200 || !report.check(body)) {
          throw new Error(
            `${report.name} report failed: ${response.status} ${JSON.stringify(body).slice(0, 200)}`,
          );
        }
        return performance.now() - started;
      };
      const raw = async () => {
        const started = performance.now();
        await context.database.pool.query(
          report.raw,
          'upToEnd' in report ? [session.tenantId, lastDay] : [session.tenantId, firstDay, lastDay],
        );
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
        `${report.name}: ${rows.toLocaleString('en-US')} rows over ${MONTHS} months: ours ${oursMs.toFixed(1)} ms / raw aggregate ${rawMs.toFixed(1)} ms`,
      );
      context.record({
        scenario: 'reports',
        metric: `GET /api/reports/${report.name}`,
        detail: `${rows.toLocaleString('en-US')} rows, ${MONTHS} months`,
        unit: 'ms',
        ours: oursMs,
        baseline: rawMs,
        baselineName: report.rawName,
        better: 'lower',
        target: { op: '<=', ratio: 1.5 },
      });
    }
  },
};

/**
 * Three EUR budget accounts, a USD budget account and an EUR off-budget one, 24 expense
 * categories and one income category, then `rows` transactions: income, spending, transfers
 * inside the EUR group, to the off-budget account and to the dollar account (with the USD amount,
 * half of them under a category), and split transactions whose lines leave a little unassigned.
 */
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
  const account = (name: string, currency: string, onBudget: boolean, sortOrder: number) =>
    mutation('accounts', {
      id: randomUUID(),
      name,
      type: 'checking',
      currency,
      onBudget,
      closed: false,
      sortOrder,
    });
  const accounts = [
    account('checking', 'EUR', true, 0),
    account('savings', 'EUR', true, 1),
    account('card', 'EUR', true, 2),
    account('dollars', 'USD', true, 3),
    account('brokerage', 'EUR', false, 4),
  ];
  const [checking, savings, card, dollars, brokerage] = accounts.map((m) => m.data.id);
  const categories = Array.from({ length: CATEGORIES + 1 }, (_, i) =>
    mutation('categories', {
      id: randomUUID(),
      name: i === 0 ? 'Salary' : `Category ${i}`,
      groupName: i === 0 ? 'Income' : `Group ${i % 5}`,
      isIncome: i === 0,
      hidden: false,
      sortOrder: i,
      carryOverspending: false,
    }),
  );
  const categoryIds = categories.map((m) => m.data.id);
  const expense = (i: number) => categoryIds[1 + (i % CATEGORIES)];

  const transactions: Mutation[] = [];
  let parent: { id: string; accountId: string; date: string } | null = null;
  for (let i = 0; i < rows; i++) {
    const month = addMonths(FIRST_MONTH, i % MONTHS);
    const date = `${month}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const amountMinor = -(100 + ((i * 7919) % 20_000));
    const eur = [checking, savings, card][i % 3];
    const row = (fields: Record<string, unknown>) =>
      transactions.push(
        mutation('transactions', {
          id: randomUUID(),
          accountId: eur,
          date,
          amountMinor,
          categoryId: null,
          cleared: i % 3 !== 0,
          reconciled: false,
          ...fields,
        }),
      );
    const kind = i % 50;
    if (kind === 0) {
      row({ accountId: checking, amountMinor: 250_000, categoryId: categoryIds[0] });
    } else if (kind === 1 || kind === 21) {
      row({ accountId: checking, transferAccountId: kind === 1 ? savings : card });
    } else if (kind === 2) {
      row({ accountId: checking, transferAccountId: brokerage });
    } else if (kind === 3 || kind === 23) {
      row({
        accountId: checking,
        transferAccountId: dollars,
        transferAmountMinor: Math.round(-amountMinor * 1.08),
        categoryId: kind === 3 ? expense(i) : null,
      });
    } else if (kind === 4) {
      const id = randomUUID();
      parent = { id, accountId: eur, date };
      row({ id, amountMinor: -10_000 });
    } else if ((kind === 5 || kind === 6) && parent) {
      row({
        accountId: parent.accountId,
        date: parent.date,
        parentId: parent.id,
        amountMinor: -4_900,
        categoryId: expense(i),
      });
    } else if (kind % 7 === 0) {
      row({ accountId: dollars, categoryId: expense(i) });
    } else {
      row({ categoryId: expense(i) });
    }
  }
  return [...accounts, ...categories, ...transactions];
}
