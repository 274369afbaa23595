/**
 * The live rows of the ledger as FINANCE §2 reads them, as two CTEs for a `WITH` clause: `lines`
 * (the live split lines, each with its parent's account, date and amount) and `leaves` (one row
 * per leaf: a plain row or a split line, with its effective account and date, and `far_id` the
 * account its transfer goes to as the ledger reads it). A line whose parent is missing, deleted,
 * incomplete or itself a line is dead; a parent with live lines is not a leaf. Rows without
 * account, date or amount count nowhere. `$1` is the household.
 *
 * `leaves` is meant to be summed: a parent with live lines is read once as a plain row and once
 * negated (its amount and far amount), so the two cancel in any sum grouped by account, date,
 * category and far account, and no row of the household has to be looked up among the lines
 * (an anti-join of every row cost more than the aggregate itself: bench/README.md, scenario 8).
 *
 * With `dates` (SQL expressions of two `date` parameters, null = unbounded) only rows whose
 * effective date is in that range are read.
 */
export function ledgerLeavesSql(dates?: { from: string; to: string }): string {
  const bounded = (column: string) =>
    dates
      ? `
      AND (${dates.from} IS NULL OR ${column} >= ${dates.from})
      AND (${dates.to} IS NULL OR ${column} <= ${dates.to})`
      : '';
  return `
  lines AS MATERIALIZED (
    SELECT c.amount_minor, c.category_id, c.transfer_account_id, c.transfer_amount_minor,
           p.id AS parent_id, p.account_id, p.date, p.amount_minor AS parent_amount,
           p.category_id AS parent_category_id,
           NULLIF(p.transfer_account_id, p.account_id) AS parent_far_id,
           p.transfer_amount_minor AS parent_transfer_amount
    FROM transactions c
    JOIN transactions p ON p.tenant_id = c.tenant_id AND p.id = c.parent_id
    WHERE c.tenant_id = $1 AND c.parent_id IS NOT NULL AND c.deleted_at IS NULL
      AND c.account_id IS NOT NULL AND c.date IS NOT NULL AND c.amount_minor IS NOT NULL
      AND p.deleted_at IS NULL AND p.parent_id IS NULL
      AND p.account_id IS NOT NULL AND p.date IS NOT NULL AND p.amount_minor IS NOT NULL${bounded('p.date')}
  ),
  leaves AS (
    SELECT t.account_id, t.date, t.amount_minor, t.category_id,
           NULLIF(t.transfer_account_id, t.account_id) AS far_id, t.transfer_amount_minor
    FROM transactions t
    WHERE t.tenant_id = $1 AND t.parent_id IS NULL AND t.deleted_at IS NULL
      AND t.account_id IS NOT NULL AND t.date IS NOT NULL AND t.amount_minor IS NOT NULL${bounded('t.date')}
    UNION ALL
    -- Each parent with live lines again, negated: amount −P, far amount −(transfer ?? −P).
    SELECT account_id, date, -parent_amount, parent_category_id, parent_far_id,
           -COALESCE(parent_transfer_amount, -parent_amount)
    FROM (
      SELECT DISTINCT parent_id, account_id, date, parent_amount, parent_category_id,
             parent_far_id, parent_transfer_amount
      FROM lines
    ) parents
    UNION ALL
    SELECT account_id, date, amount_minor, category_id,
           NULLIF(transfer_account_id, account_id), transfer_amount_minor
    FROM lines
  )`;
}
