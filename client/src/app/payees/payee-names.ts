import { MAX_PAYEE_NAME_LENGTH, normalisePayeeName, tidyPayeeName } from '@finwise/finance';
import type { PayeeIndex } from '../data/views/payee-index';

/**
 * Why a payee cannot take this name, or null. Two payees shown under one name would make the
 * picker ambiguous, so the answer to a taken name is a merge, not a second payee.
 */
export function renameProblem(index: PayeeIndex, payeeId: string, name: string): string | null {
  const tidy = tidyPayeeName(name);
  if (tidy === '') {
    return 'Enter a name.';
  }
  if (tidy.length > MAX_PAYEE_NAME_LENGTH) {
    return `Use at most ${MAX_PAYEE_NAME_LENGTH} characters.`;
  }
  const key = normalisePayeeName(tidy);
  for (const summary of index.byId.values()) {
    if (summary.payee.id !== payeeId && normalisePayeeName(summary.payee.name ?? '') === key) {
      return `Another payee is called ${summary.payee.name}: merge the two instead.`;
    }
  }
  return null;
}

/** "3 transactions" */
export function transactionCount(count: number): string {
  return `${count} ${count === 1 ? 'transaction' : 'transactions'}`;
}
