// The payee id rule belongs to the entity, in the domain library.
export { normalisePayeeName, payeeIdFor, tidyPayeeName } from '@finwise/domain';

/** The longest payee name a row may hold (names ≤ 200 characters, DESIGN §4). */
export const MAX_PAYEE_NAME_LENGTH = 200;
