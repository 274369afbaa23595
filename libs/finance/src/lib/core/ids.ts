import { BUDGET_ID_NAMESPACE, budgetId } from '@finwise/domain';
import { v4 as uuidv4 } from 'uuid';

// The deterministic ids are rules of the entities, defined with them in the domain library.
export { budgetMonthId, settingsId, starterCategoryId } from '@finwise/domain';

/** The UUID namespace of every deterministic id (DESIGN §4, FINANCE §1). */
export const FINANCE_NAMESPACE = BUDGET_ID_NAMESPACE;

/** A budget cell's id, derived from its category and month (the domain's `budgetId`). */
export const budgetCellId = budgetId;

/** Produces ids for new rows; tests pass a deterministic one. */
export type IdFactory = () => string;

export const randomId: IdFactory = () => uuidv4();
