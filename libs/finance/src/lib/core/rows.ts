/**
 * The rows this library reads: structural subsets of the synced records (DESIGN §4, FINANCE §1),
 * so records from the server's database or the browser's store can be passed in as they are.
 * Every optional field also accepts null, since synced rows store absent optional fields as null.
 * A tombstone (`deletedAt` set) may carry null in every other field; nothing reads those fields.
 */

export interface LedgerTransaction {
  readonly id: string;
  readonly accountId: string;
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** Negative = outflow from `accountId`. */
  readonly amountMinor: number;
  readonly categoryId?: string | null;
  readonly cleared: boolean;
  readonly reconciled: boolean;
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
  readonly currency: string;
  readonly onBudget: boolean;
  readonly closed?: boolean | null;
  readonly deletedAt?: string | null;
}

export interface BudgetCategory {
  readonly id: string;
  readonly name: string;
  readonly groupName: string;
  readonly isIncome: boolean;
  readonly hidden: boolean;
  readonly sortOrder?: number | null;
  /** Absent = false (the field's default). */
  readonly carryOverspending?: boolean | null;
  readonly deletedAt?: string | null;
}

/** A `budgets` row: the amount the user typed for one category and month. */
export interface BudgetCellRow {
  readonly id: string;
  readonly categoryId: string;
  /** `YYYY-MM` */
  readonly month: string;
  readonly budgetedMinor: number;
  readonly deletedAt?: string | null;
}

/** A `budget_moves` row; a null category is To Budget. */
export interface BudgetMoveRow {
  readonly id: string;
  readonly month: string;
  readonly fromCategoryId?: string | null;
  readonly toCategoryId?: string | null;
  /** Always > 0. */
  readonly amountMinor: number;
  readonly note?: string | null;
  readonly deletedAt?: string | null;
}

/** A `budget_months` row: money held for the next month. */
export interface BudgetMonthRow {
  readonly id: string;
  readonly month: string;
  readonly heldMinor: number;
  readonly deletedAt?: string | null;
}

export interface SettingsRow {
  readonly id: string;
  readonly budgetCurrency: string;
  readonly deletedAt?: string | null;
}

export interface PayeeRow {
  readonly id: string;
  readonly name: string;
  readonly defaultCategoryId?: string | null;
  readonly favorite?: boolean | null;
  readonly mergedIntoId?: string | null;
  readonly deletedAt?: string | null;
}

export interface ReconciliationRow {
  readonly id: string;
  readonly accountId: string;
  /** `YYYY-MM-DD` */
  readonly statementDate: string;
  readonly statementBalanceMinor: number;
  readonly clearedTotalMinor: number;
  readonly adjustmentId?: string | null;
  /** Server time of the first insert; null while the row exists only on this device. */
  readonly createdAt?: string | null;
  readonly deletedAt?: string | null;
}

/** Whether a synced row is live (not a tombstone). */
export function isLive(row: { readonly deletedAt?: string | null }): boolean {
  return row.deletedAt === null || row.deletedAt === undefined;
}
