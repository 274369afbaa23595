import {
  DEFAULT_BUDGET_CURRENCY,
  settingsId,
  type AccountMonthAmount,
  type FlowAggregate,
  type LedgerAccount,
  type ReportAggregates,
} from '@finwise/finance';
import type { SqlRunner } from '../../database/sql-runner';
import { readLiveCategories } from '../ledger/categories.query';
import { ledgerLeavesSql } from '../ledger/ledger-leaves.sql';

/**
 * One statement, one round trip: the flows and split remainders of `ReportAggregates` and the
 * budget currency, as rows of one shape told apart by `kind`. The leaves are summed per day,
 * category and pair of accounts before any account is looked at (the rules are linear in the
 * amounts, so they apply to the sums as to each row; grouping by the date as stored spares every
 * row the month's computation, which is done once per group), then per month, and each sum is put
 * on the live accounts it touches: its own side, and its transfer side, which is the negated
 * amount between two live accounts of one currency. `$4`/`$5` bound the effective dates
 * (null = unbounded). Without categories every flow's category is null: net worth reads only
 * accounts and months, and a smaller group key is cheaper for every row.
 */
const aggregatesSql = (byCategory: boolean) => `
  WITH cur AS (
    SELECT COALESCE(
      (SELECT budget_currency FROM settings
       WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL AND budget_currency IS NOT NULL),
      $3) AS code
  ),
  accs AS (
    SELECT id, currency FROM accounts WHERE tenant_id = $1 AND deleted_at IS NULL
  ),${ledgerLeavesSql({ from: '$4::date', to: '$5::date' })},
  day_sums AS (
    SELECT date, ${byCategory ? 'category_id' : 'NULL::uuid AS category_id'}, account_id, far_id,
           SUM(amount_minor) AS own_amount,
           SUM(COALESCE(transfer_amount_minor, -amount_minor)) AS far_amount
    FROM leaves
    GROUP BY ${byCategory ? '1, 2, 3, 4' : '1, 3, 4'}
  ),
  leaf_sums AS (
    SELECT date_trunc('month', date) AS month_start, category_id, account_id, far_id,
           SUM(own_amount) AS own_amount, SUM(far_amount) AS far_amount
    FROM day_sums
    GROUP BY 1, 2, 3, 4
  )
  SELECT 'flow' AS kind, to_char(s.month_start, 'YYYY-MM') AS month,
         s.account_id::text AS account, s.far_id::text AS other,
         s.category_id::text AS category, s.own_amount::bigint AS amount
  FROM leaf_sums s JOIN accs own ON own.id = s.account_id
  UNION ALL
  SELECT 'flow', to_char(s.month_start, 'YYYY-MM'), s.far_id::text, s.account_id::text,
         s.category_id::text,
         (CASE WHEN own.currency = far.currency THEN -s.own_amount ELSE s.far_amount END)::bigint
  FROM leaf_sums s
  JOIN accs far ON far.id = s.far_id
  LEFT JOIN accs own ON own.id = s.account_id
  UNION ALL
  SELECT 'remainder', to_char(l.date, 'YYYY-MM'), l.account_id::text, NULL, NULL,
         SUM(l.parent_amount - l.lines_amount)::bigint
  FROM (
    SELECT parent_id, account_id, date, parent_amount, SUM(amount_minor) AS lines_amount
    FROM lines GROUP BY parent_id, account_id, date, parent_amount
  ) l
  JOIN accs a ON a.id = l.account_id
  GROUP BY 2, 3
  UNION ALL
  SELECT 'currency', NULL, code, NULL, NULL, NULL FROM cur`;

const BY_CATEGORY = aggregatesSql(true);
const BY_ACCOUNT = aggregatesSql(false);

const ACCOUNTS = `
  SELECT id::text, currency, on_budget, closed
  FROM accounts WHERE tenant_id = $1 AND deleted_at IS NULL`;

interface AggregateRow {
  kind: 'flow' | 'remainder' | 'currency';
  month: string | null;
  account: string | null;
  other: string | null;
  category: string | null;
  amount: number | null;
}

interface AccountRow {
  id: string;
  currency: string | null;
  on_budget: boolean | null;
  closed: boolean | null;
}

/** What to read: rows with effective dates in `from`..`to` (`YYYY-MM-DD`, null = unbounded). */
export interface ReportRead {
  readonly from: string | null;
  readonly to: string | null;
  /** false: every flow's category is null and no category is read (enough for net worth, and cheaper). */
  readonly byCategory: boolean;
}

/**
 * A household's report aggregates, summed by PostgreSQL: the same numbers `buildReportAggregates`
 * produces from the rows in the browser, restricted to the rows dated within the range (and
 * with the categories summed away unless `byCategory`).
 */
export async function readReportAggregates(
  sql: SqlRunner,
  tenantId: string,
  read: ReportRead,
): Promise<ReportAggregates> {
  const [rows, accounts, categories] = await Promise.all([
    sql.rows<AggregateRow>(read.byCategory ? BY_CATEGORY : BY_ACCOUNT, [
      tenantId,
      settingsId(),
      DEFAULT_BUDGET_CURRENCY,
      read.from,
      read.to,
    ]),
    sql.rows<AccountRow>(ACCOUNTS, [tenantId]),
    read.byCategory ? readLiveCategories(sql, tenantId) : [],
  ]);
  let currency = DEFAULT_BUDGET_CURRENCY;
  const flows: FlowAggregate[] = [];
  const splitRemainders: AccountMonthAmount[] = [];
  for (const row of rows) {
    const month = row.month ?? '';
    const accountId = row.account ?? '';
    const amountMinor = row.amount ?? 0;
    if (row.kind === 'flow') {
      flows.push({
        month,
        accountId,
        otherAccountId: row.other,
        categoryId: row.category,
        amountMinor,
      });
    } else if (row.kind === 'remainder') {
      splitRemainders.push({ month, accountId, amountMinor });
    } else {
      currency = row.account ?? DEFAULT_BUDGET_CURRENCY;
    }
  }
  return {
    currency,
    accounts: accounts.map(toAccount),
    categories,
    flows,
    splitRemainders,
  };
}

function toAccount(row: AccountRow): LedgerAccount {
  return {
    id: row.id,
    currency: row.currency,
    onBudget: row.on_budget,
    closed: row.closed,
    deletedAt: null,
  };
}
