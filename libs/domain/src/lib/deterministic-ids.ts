import { v5 as uuidv5 } from 'uuid';

/** Namespace of every deterministic id (DESIGN: data model). */
export const BUDGET_ID_NAMESPACE = '153e838f-9839-4b71-b628-026323afbf2d';

/**
 * A budget's id is derived from its category and month, so two devices budgeting the same
 * category and month offline write the same row and merge per field instead of colliding.
 */
export function budgetId(categoryId: string, month: string): string {
  return uuidv5(`${categoryId.toLowerCase()}:${month}`, BUDGET_ID_NAMESPACE);
}

/** A `budget_months` row's id: one row per month, whichever device writes it first. */
export function budgetMonthId(month: string): string {
  return uuidv5(`month:${month}`, BUDGET_ID_NAMESPACE);
}

/** The id of a household's one `settings` row. */
export function settingsId(): string {
  return uuidv5('settings', BUDGET_ID_NAMESPACE);
}

/**
 * An account's `import_settings` row: one per account, so the options chosen for a bank file on
 * one device are the ones every device starts from, and two devices saving offline merge into it.
 */
export function importSettingsId(accountId: string): string {
  return uuidv5(`import-settings:${accountId.toLowerCase()}`, BUDGET_ID_NAMESPACE);
}

/** A payee name as typed, tidied for storing: trimmed, inner whitespace collapsed, case kept. */
export function tidyPayeeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** The key two spellings of one payee share: lowercased, trimmed, inner whitespace collapsed. */
export function normalisePayeeName(name: string): string {
  return tidyPayeeName(name).toLowerCase();
}

/**
 * A new payee's id, derived from its normalised name, so two offline devices typing the same new
 * payee write one row (renaming it later keeps the id).
 */
export function payeeIdFor(name: string): string {
  return uuidv5(`payee:${normalisePayeeName(name)}`, BUDGET_ID_NAMESPACE);
}

/**
 * A starter category's id, from its fixed key (`starter-category:<key>`), so a retried sign-up,
 * a second device or the account form writing "Starting balances" all name the same row.
 */
export function starterCategoryId(key: string): string {
  return uuidv5(`starter-category:${key}`, BUDGET_ID_NAMESPACE);
}
