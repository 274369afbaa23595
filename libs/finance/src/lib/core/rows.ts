/**
 * The rows this library reads: structural subsets of the synced records (DESIGN §4, FINANCE §1),
 * so records from the server's database or the browser's store can be passed in as they are.
 * Like those records, every field may be null: absent optional fields are stored as null and a
 * tombstone carries null in all of them. A live row missing a field the ledger cannot do without
 * (account, date, amount) is ignored rather than trusted; other nulls read as false or none.
 */

export interface LedgerTransaction {
  readonly id: string;
  readonly accountId: string | null;
  /** `YYYY-MM-DD` */
  readonly date: string | null;
  /** Negative = outflow from `accountId`. */
  readonly amountMinor: number | null;
  readonly categoryId?: string | null;
  readonly cleared: boolean | null;
  readonly reconciled: boolean | null;
  readonly transferAccountId?: string | null;
  /** The amount as booked in the transfer account's currency; null = the negated `amountMinor`. */
  readonly transferAmountMinor?: number | null;
  readonly transferCleared?: boolean | null;
  readonly transferReconciled?: boolean | null;
  readonly parentId?: string | null;
  readonly deletedAt?: string | null;
}

export interface LedgerAccount {
  readonly id: string;
  /** ISO 4217 */
  readonly currency: string | null;
  readonly onBudget: boolean | null;
  readonly closed?: boolean | null;
  readonly deletedAt?: string | null;
}

export interface BudgetCategory {
  readonly id: string;
  readonly name: string | null;
  readonly groupName: string | null;
  readonly isIncome: boolean | null;
  readonly hidden: boolean | null;
  readonly sortOrder?: number | null;
  /** Absent = false (the field's default). */
  readonly carryOverspending?: boolean | null;
  readonly deletedAt?: string | null;
}

/** A `budgets` row: the amount the user typed for one category and month. */
export interface BudgetCellRow {
  readonly id: string;
  readonly categoryId: string | null;
  /** `YYYY-MM` */
  readonly month: string | null;
  readonly budgetedMinor: number | null;
  readonly deletedAt?: string | null;
}

/** A `budget_moves` row; a null category is To Budget. */
export interface BudgetMoveRow {
  readonly id: string;
  readonly month: string | null;
  readonly fromCategoryId?: string | null;
  readonly toCategoryId?: string | null;
  /** Always > 0. */
  readonly amountMinor: number | null;
  readonly note?: string | null;
  readonly deletedAt?: string | null;
}

/** A `budget_months` row: money held for the next month. */
export interface BudgetMonthRow {
  readonly id: string;
  readonly month: string | null;
  readonly heldMinor: number | null;
  readonly deletedAt?: string | null;
}

export interface SettingsRow {
  readonly id: string;
  readonly budgetCurrency: string | null;
  readonly deletedAt?: string | null;
}

export interface PayeeRow {
  readonly id: string;
  readonly name: string | null;
  readonly defaultCategoryId?: string | null;
  readonly favorite?: boolean | null;
  readonly mergedIntoId?: string | null;
  readonly deletedAt?: string | null;
}

export interface ReconciliationRow {
  readonly id: string;
  readonly accountId: string | null;
  /** `YYYY-MM-DD` */
  readonly statementDate: string | null;
  readonly statementBalanceMinor: number | null;
  readonly clearedTotalMinor: number | null;
  readonly adjustmentId?: string | null;
  /** Server time of the first insert; null while the row exists only on this device. */
  readonly createdAt?: string | null;
  readonly deletedAt?: string | null;
}

/** Whether a synced row is live (not a tombstone). */
export function isLive(row: { readonly deletedAt?: string | null }): boolean {
  return row.deletedAt === null || row.deletedAt === undefined;
}
