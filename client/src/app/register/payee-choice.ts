import type { Payee } from '@finwise/domain';
import { payeeForName, tidyPayeeName, type FinanceMutation } from '@finwise/finance';
import { findPayeeByName, type PayeeIndex } from '../data/views/payee-index';

export type PayeeChoice =
  { ok: true; payeeId: string | null; mutations: FinanceMutation[] } | { ok: false; error: string };

/**
 * The `payeeId` a typed payee name stands for, and the payee to create first when the name is
 * new. A new payee's id follows from its name (`payeeForName`), so two offline devices typing
 * the same new name create one payee. When the name still means the payee the row already
 * has (through a rename or merge), the row keeps its stored id: nothing to rewrite.
 */
export function choosePayee(
  text: string,
  index: PayeeIndex,
  payees: readonly Payee[],
  currentPayeeId: string | null = null,
): PayeeChoice {
  if (tidyPayeeName(text) === '') {
    return { ok: true, payeeId: null, mutations: [] };
  }
  const existing = findPayeeByName(index, text);
  if (existing) {
    const keep = currentPayeeId !== null && index.resolve(currentPayeeId) === existing.payee.id;
    return { ok: true, payeeId: keep ? currentPayeeId : existing.payee.id, mutations: [] };
  }
  try {
    const { payeeId, mutations } = payeeForName(text, payees);
    return { ok: true, payeeId, mutations };
  } catch (error) {
    return { ok: false, error: error instanceof RangeError ? `${error.message}.` : String(error) };
  }
}

/** The category a chosen payee brings: its default, else the one its newest row used. */
export function payeeCategory(index: PayeeIndex, text: string): string | null {
  const payee = findPayeeByName(index, text);
  return payee ? (payee.payee.defaultCategoryId ?? payee.lastCategoryId) : null;
}
