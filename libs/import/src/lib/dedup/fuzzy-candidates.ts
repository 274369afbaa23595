import { dayDistance } from './day-distance';
import type { ExistingTransaction, ImportAccount } from './existing-transaction';

/** How far (in days, either way) a bank date may be from a row it matches (research D4). */
export const FUZZY_MATCH_DAYS = 7;

/**
 * An existing row a line may land on: its own side in this account (`own`), or the far side of a
 * transfer booked from another account into this one (`transfer`).
 */
export interface FuzzyCandidate {
  readonly row: ExistingTransaction;
  readonly side: 'own' | 'transfer';
  readonly distance: number;
  /** Reconciled on the side that lives in this account: never touched (`locked`). */
  readonly reconciled: boolean;
}

export interface CandidateQuery {
  readonly date: string;
  readonly amountMinor: number;
}

/**
 * The rows a line may fuzzily match, nearest first (ties by id, so every device picks alike):
 * live, not split lines (their date is their parent's), same amount as seen from this account,
 * within ±7 days, and not yet carrying a bank id on that side (strict id checking, D4).
 */
export function fuzzyCandidateFinder(
  accountId: string,
  currency: string,
  transactions: readonly ExistingTransaction[],
  accounts: readonly ImportAccount[],
): (query: CandidateQuery) => readonly FuzzyCandidate[] {
  const byAmount = new Map<number, { row: ExistingTransaction; side: 'own' | 'transfer' }[]>();
  const add = (amount: number, row: ExistingTransaction, side: 'own' | 'transfer') => {
    const list = byAmount.get(amount) ?? [];
    list.push({ row, side });
    byAmount.set(amount, list);
  };
  const sameCurrencyAccounts = new Set(
    accounts.filter((a) => !a.deletedAt && a.currency === currency).map((a) => a.id),
  );

  for (const row of transactions) {
    if (row.deletedAt || row.parentId || row.date === null || row.amountMinor === null) continue;
    if (row.accountId === accountId) {
      if (!row.importedId) add(row.amountMinor, row, 'own');
    } else if (row.transferAccountId === accountId && !row.transferImportedId) {
      add(transferLegAmount(row, row.amountMinor, sameCurrencyAccounts), row, 'transfer');
    }
  }

  return ({ date, amountMinor }) =>
    (byAmount.get(amountMinor) ?? [])
      .map(({ row, side }) => ({
        row,
        side,
        distance: dayDistance(row.date as string, date),
        reconciled: side === 'own' ? row.reconciled === true : row.transferReconciled === true,
      }))
      .filter((candidate) => candidate.distance <= FUZZY_MATCH_DAYS)
      .sort((a, b) => a.distance - b.distance || compareIds(a.row.id, b.row.id));
}

/**
 * What a transfer adds to this account (FINANCE §2): between two live accounts of one currency
 * always the negated amount, otherwise `transferAmountMinor` when the row has one.
 */
function transferLegAmount(
  row: ExistingTransaction,
  amountMinor: number,
  sameCurrencyAccounts: ReadonlySet<string>,
): number {
  const negated = amountMinor === 0 ? 0 : -amountMinor;
  if (row.accountId !== null && sameCurrencyAccounts.has(row.accountId)) return negated;
  return row.transferAmountMinor ?? negated;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
