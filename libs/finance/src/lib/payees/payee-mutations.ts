import type { PayeeRow } from '../core/rows';
import type { FinanceMutation } from '../core/mutation';
import { MAX_PAYEE_NAME_LENGTH, payeeIdFor, tidyPayeeName } from './payee-id';

/**
 * The payee for a typed name: its id, and the create to push when no payee of that id exists yet.
 * The id follows from the name, so a create racing another device's is the same row.
 */
export function payeeForName(
  name: string,
  payees: readonly PayeeRow[],
): { readonly payeeId: string; readonly mutations: FinanceMutation[] } {
  const tidy = tidyPayeeName(name);
  if (tidy.length === 0) throw new RangeError('A payee name must not be empty');
  if (tidy.length > MAX_PAYEE_NAME_LENGTH) {
    throw new RangeError(`A payee name must be at most ${MAX_PAYEE_NAME_LENGTH} characters`);
  }
  const payeeId = payeeIdFor(tidy);
  if (payees.some((payee) => payee.id === payeeId)) return { payeeId, mutations: [] };
  return {
    payeeId,
    mutations: [
      {
        modelName: 'payees',
        operation: 'create',
        data: { id: payeeId, name: tidy, favorite: false },
      },
    ],
  };
}

/**
 * Merging payee `fromId` into `intoId` is one write on the merged payee; its transactions keep
 * their `payeeId` and are resolved on read, so the merge cannot race offline edits of them.
 */
export function mergePayee(fromId: string, intoId: string): FinanceMutation[] {
  if (fromId === intoId) return [];
  return [{ modelName: 'payees', operation: 'update', data: { id: fromId, mergedIntoId: intoId } }];
}
