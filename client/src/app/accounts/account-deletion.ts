import type { Transaction } from '@finwise/domain';

/**
 * What deleting an account deletes with it: the transactions booked on it (split lines
 * included). Transfers with another account stay, since they are part of that account's
 * balance too; there they show as coming from a deleted account.
 */
export function rowsDeletedWithAccount(
  accountId: string,
  registerRows: readonly Transaction[],
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>,
): Transaction[] {
  const rows: Transaction[] = [];
  for (const row of registerRows) {
    if (
      row.accountId !== accountId ||
      (row.transferAccountId && row.transferAccountId !== accountId)
    ) {
      continue;
    }
    rows.push(...(childrenByParent.get(row.id) ?? []), row);
  }
  return rows;
}

/** The warning an armed account delete shows. */
export function accountDeleteWarning(
  name: string,
  transactionCount: number,
  keptTransfers: number,
): string {
  if (transactionCount === 0 && keptTransfers === 0) {
    return `Delete ${name}? It has no transactions.`;
  }
  const parts = [
    `Delete ${name} and its ${transactionCount} ${transactionCount === 1 ? 'transaction' : 'transactions'}?`,
  ];
  if (keptTransfers > 0) {
    parts.push(
      `${keptTransfers} ${keptTransfers === 1 ? 'transfer stays' : 'transfers stay'} in the other accounts.`,
    );
  }
  parts.push('To keep the history, close the account instead.');
  return parts.join(' ');
}
