import {
  DEFAULT_BUDGET_CURRENCY,
  settingsId,
  type ActivityAggregate,
  type BudgetAggregates,
  type BudgetCategory,
  type BudgetCellAggregate,
  type HoldAggregate,
  type MonthAmount,
  type MoveAggregate,
} from '@finwise/finance';
import type { SqlRunner } from '../../database/sql-runner';
import { readLiveCategories } from '../ledger/categories.query';
import { ledgerLeavesSql } from '../ledger/ledger-leaves.sql';

/**
 * The accounts with whether they are in the budget, and the ledger's leaves (see
 * `ledgerLeavesSql`).
 */
const LEDGER = `
  accs AS (
    SELECT a.id, a.currency, a.on_budget IS TRUE AS on_budget,
           a.on_budget IS TRUE AND a.currency = cur.code AS in_budget
    FROM accounts a, cur
    WHERE a.tenant_id = $1 AND a.deleted_at IS NULL
  ),${ledgerLeavesSql()},
  -- Summed per month, category and pair of accounts before the accounts are looked at: the
  -- rules below are linear in the amounts, so they apply to the sums as to each row, and the
  -- per-row work stays one hash aggregate like a plain GROUP BY (bench/README.md, scenario 7).
  leaf_sums AS (
    SELECT date_trunc('month', date) AS month_start, category_id, account_id, far_id,
           SUM(amount_minor) AS own_amount,
           SUM(COALESCE(transfer_amount_minor, -amount_minor)) AS far_amount
    FROM leaves
    GROUP BY 1, 2, 3, 4
  ),
  -- The sides of each sum that fall in the budget. Between two live accounts of one currency
  -- the far side is always the negated amount.
  sides AS (
    SELECT to_char(s.month_start, 'YYYY-MM') AS month, s.category_id,
           COALESCE(own.in_budget, false) AS own_in,
           COALESCE(far.in_budget, false) AS far_in,
           CASE
             WHEN COALESCE(own.in_budget, false) THEN s.own_amount
             WHEN own.currency = far.currency THEN -s.own_amount
             ELSE s.far_amount
           END AS budget_amount
    FROM leaf_sums s
    LEFT JOIN accs own ON own.id = s.account_id
    LEFT JOIN accs far ON far.id = s.far_id
  )`;

/**
 * One statement, one round trip: every aggregate of `BudgetAggregates` as rows of one shape,
 * told apart by `kind`. The household's rows are read once; nothing per row reaches Node.
 * Activity groups keep the months that only hold transfers between two budget accounts (they
 * start the budget without adding activity): `has_activity` tells them apart.
 */
const AGGREGATES = `
  WITH cur AS (
    SELECT COALESCE(
      (SELECT budget_currency FROM settings
       WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL AND budget_currency IS NOT NULL),
      $3) AS code
  ),
  ${LEDGER}
  SELECT 'activity' AS kind, month, category_id::text AS a, NULL::text AS b,
         COALESCE(SUM(budget_amount) FILTER (WHERE own_in <> far_in), 0)::bigint AS amount,
         bool_or(own_in <> far_in) AS flag
  FROM sides WHERE own_in OR far_in GROUP BY month, category_id
  UNION ALL
  SELECT 'remainder', to_char(l.date, 'YYYY-MM'), NULL, NULL,
         SUM(l.parent_amount - l.lines_amount)::bigint, NULL
  FROM (
    SELECT parent_id, account_id, date, parent_amount, SUM(amount_minor) AS lines_amount
    FROM lines GROUP BY parent_id, account_id, date, parent_amount
  ) l
  JOIN accs a ON a.id = l.account_id AND a.in_budget
  GROUP BY to_char(l.date, 'YYYY-MM')
  UNION ALL
  SELECT 'cell', month, category_id::text, NULL, SUM(budgeted_minor)::bigint, NULL
  FROM budgets
  WHERE tenant_id = $1 AND deleted_at IS NULL
    AND month IS NOT NULL AND category_id IS NOT NULL AND budgeted_minor IS NOT NULL
  GROUP BY month, category_id
  UNION ALL
  SELECT 'move', month, from_category_id::text, to_category_id::text,
         SUM(amount_minor)::bigint, NULL
  FROM budget_moves
  WHERE tenant_id = $1 AND deleted_at IS NULL AND month IS NOT NULL AND amount_minor IS NOT NULL
  GROUP BY month, from_category_id, to_category_id
  UNION ALL
  SELECT 'hold', month, NULL, NULL, held_minor, NULL
  FROM budget_months
  WHERE tenant_id = $1 AND deleted_at IS NULL AND month IS NOT NULL AND held_minor IS NOT NULL
  UNION ALL
  SELECT 'excluded', NULL, id::text, NULL, NULL, NULL
  FROM accs, cur WHERE on_budget AND currency IS DISTINCT FROM cur.code
  UNION ALL
  SELECT 'currency', NULL, code, NULL, NULL, NULL FROM cur`;

interface AggregateRow {
  kind: 'activity' | 'remainder' | 'cell' | 'move' | 'hold' | 'excluded' | 'currency';
  month: string | null;
  a: string | null;
  b: string | null;
  amount: number | null;
  flag: boolean | null;
}

/**
 * A household's budget aggregates, summed by PostgreSQL: the same numbers `buildBudgetAggregates`
 * produces from the rows in the browser, so both feed one `computeMonthBudget`.
 */
export async function readBudgetAggregates(
  sql: SqlRunner,
  tenantId: string,
): Promise<BudgetAggregates> {
  const [rows, categories] = await Promise.all([
    sql.rows<AggregateRow>(AGGREGATES, [tenantId, settingsId(), DEFAULT_BUDGET_CURRENCY]),
    readLiveCategories(sql, tenantId),
  ]);
  return toAggregates(rows, categories);
}

function toAggregates(
  rows: readonly AggregateRow[],
  categories: readonly BudgetCategory[],
): BudgetAggregates {
  let currency = DEFAULT_BUDGET_CURRENCY;
  let firstLedgerMonth: string | null = null;
  const ledgerMonth = (month: string) => {
    if (firstLedgerMonth === null || month < firstLedgerMonth) firstLedgerMonth = month;
  };
  const activity: ActivityAggregate[] = [];
  const splitRemainders: MonthAmount[] = [];
  const budgetCells: BudgetCellAggregate[] = [];
  const moves: MoveAggregate[] = [];
  const holds: HoldAggregate[] = [];
  const excludedAccountIds: string[] = [];
  for (const row of rows) {
    const month = row.month ?? '';
    const amountMinor = row.amount ?? 0;
    switch (row.kind) {
      case 'activity':
        ledgerMonth(month);
        if (row.flag) activity.push({ month, categoryId: row.a, amountMinor });
        break;
      case 'remainder':
        ledgerMonth(month);
        splitRemainders.push({ month, amountMinor });
        break;
      case 'cell':
        budgetCells.push({ month, categoryId: row.a ?? '', budgetedMinor: amountMinor });
        break;
      case 'move':
        moves.push({ month, fromCategoryId: row.a, toCategoryId: row.b, amountMinor });
        break;
      case 'hold':
        holds.push({ month, heldMinor: amountMinor });
        break;
      case 'excluded':
        if (row.a) excludedAccountIds.push(row.a);
        break;
      case 'currency':
        currency = row.a ?? DEFAULT_BUDGET_CURRENCY;
        break;
    }
  }
  return {
    currency,
    categories,
    excludedAccountIds: excludedAccountIds.sort(),
    firstLedgerMonth,
    activity,
    splitRemainders,
    budgetCells,
    moves,
    holds,
  };
}
