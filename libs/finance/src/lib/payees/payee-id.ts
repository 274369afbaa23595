import { v5 as uuidv5 } from 'uuid';
import { FINANCE_NAMESPACE } from '../core/ids';

/** The longest payee name a row may hold (names ≤ 200 characters, DESIGN §4). */
export const MAX_PAYEE_NAME_LENGTH = 200;

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
 * payee write one row.
 */
export function payeeIdFor(name: string): string {
  return uuidv5(`payee:${normalisePayeeName(name)}`, FINANCE_NAMESPACE);
}
