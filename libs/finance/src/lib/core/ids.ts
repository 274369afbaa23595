import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';

/** The UUID namespace of every deterministic id (DESIGN §4, FINANCE §1). */
export const FINANCE_NAMESPACE = '153e838f-9839-4b71-b628-026323afbf2d';

/**
 * A budget cell's id, derived from its category and month so two devices budgeting the same cell
 * offline write one row (the same rule as `budgetId` in the domain library).
 */
export function budgetCellId(categoryId: string, month: string): string {
  return uuidv5(`${categoryId.toLowerCase()}:${month}`, FINANCE_NAMESPACE);
}

/** A `budget_months` row's id: one row per month, whichever device writes it first. */
export function budgetMonthId(month: string): string {
  return uuidv5(`month:${month}`, FINANCE_NAMESPACE);
}

/** The id of the household's one `settings` row. */
export function settingsId(): string {
  return uuidv5('settings', FINANCE_NAMESPACE);
}

/** Produces ids for new rows; tests pass a deterministic one. */
export type IdFactory = () => string;

export const randomId: IdFactory = () => uuidv4();
