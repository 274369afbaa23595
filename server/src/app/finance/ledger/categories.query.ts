import type { BudgetCategory } from '@finwise/finance';
import type { SqlRunner } from '../../database/sql-runner';

const CATEGORIES = `
  SELECT id::text, name, group_name, is_income, hidden, sort_order, carry_overspending
  FROM categories WHERE tenant_id = $1 AND deleted_at IS NULL`;

interface CategoryRow {
  id: string;
  name: string | null;
  group_name: string | null;
  is_income: boolean | null;
  hidden: boolean | null;
  sort_order: number | null;
  carry_overspending: boolean | null;
}

/** The household's live categories, as the budget and the reports read them. */
export async function readLiveCategories(
  sql: SqlRunner,
  tenantId: string,
): Promise<BudgetCategory[]> {
  const rows = await sql.rows<CategoryRow>(CATEGORIES, [tenantId]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    groupName: row.group_name,
    isIncome: row.is_income,
    hidden: row.hidden,
    sortOrder: row.sort_order,
    carryOverspending: row.carry_overspending,
    deletedAt: null,
  }));
}
