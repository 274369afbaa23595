import { v5 as uuidv5 } from 'uuid';

/** Namespace of budget ids (DESIGN: data model). */
export const BUDGET_ID_NAMESPACE = '153e838f-9839-4b71-b628-026323afbf2d';

/**
 * A budget's id is derived from its category and month, so two devices budgeting the same
 * category and month offline write the same row and merge per field instead of colliding.
 */
export function budgetId(categoryId: string, month: string): string {
  return uuidv5(`${categoryId.toLowerCase()}:${month}`, BUDGET_ID_NAMESPACE);
}
