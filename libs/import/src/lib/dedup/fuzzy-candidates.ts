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
 * live, same amount as seen from this account, within ±7 days, and not yet carrying a bank id on
 * that side (strict id checking, D4). Split lines of this account are not candidates (the parent
 * holds what the bank booked), but a split line of another account that transfers into this one
 * is: its leg is a booking of its own here, dated by its live parent (FINANCE §2).
 */
export function fuzzyCandidateFinder(
  accountId: string,
  currency: string,
  transactions: readonly ExistingTransaction[],
  accounts: readonly ImportAccount[],
): (query: CandidateQuery) => readonly FuzzyCandidate[] {
  const byAmount = new Map<number, Entry[]>();
  const add = (amount: number, entry: Entry) => {
    const list = byAmount.get(amount) ?? [];
    list.push(entry);
    byAmount.set(amount, list);
  };
  const sameCurrencyAccounts = new Set(
    accounts.filter((a) => !a.deletedAt && a.currency === currency).map((a) => a.id),
  );
  const byId = new Map(transactions.map((row) => [row.id, row]));

  for (const row of transactions) {
    if (row.deletedAt || row.amountMinor === null) continue;
    if (row.parentId) {
      const leg = splitLeg(row, byId.get(row.parentId), accountId);
      if (leg) {
        const amount = transferLegAmount(leg.account, row.amountMinor, row, sameCurrencyAccounts);
        add(amount, { row, side: 'transfer', date: leg.date });
      }
      continue;
    }
    if (row.date === null) continue;
    if (row.accountId === accountId) {
      if (!row.importedId) add(row.amountMinor, { row, side: 'own', date: row.date });
    } else if (row.transferAccountId === accountId && !row.transferImportedId) {
      const amount = transferLegAmount(row.accountId, row.amountMinor, row, sameCurrencyAccounts);
      add(amount, { row, side: 'transfer', date: row.date });
    }
  }

  return ({ date, amountMinor }) =>
    (byAmount.get(amountMinor) ?? [])
      .map(({ row, side, date: rowDate }) => ({
        row,
        side,
        distance: dayDistance(rowDate, date),
        reconciled: side === 'own' ? row.reconciled === true : row.transferReconciled === true,
      }))
      .filter((candidate) => candidate.distance <= FUZZY_MATCH_DAYS)
      .sort((a, b) => a.distance - b.distance || compareIds(a.row.id, b.row.id));
}

interface Entry {
  readonly row: ExistingTransaction;
  readonly side: 'own' | 'transfer';
  /** The row's effective date: a split line's is its parent's. */
  readonly date: string;
}

/**
 * A split line's unclaimed transfer leg into this account, with its effective account and date
 * (its parent's), or undefined: a line whose parent is missing, deleted or itself a line is dead,
 * and a line of this account's own split is no leg here.
 */
function splitLeg(
  row: ExistingTransaction,
  parent: ExistingTransaction | undefined,
  accountId: string,
): { account: string | null; date: string } | undefined {
  if (row.transferAccountId !== accountId || row.transferImportedId) return undefined;
  if (!parent || parent.deletedAt || parent.parentId || parent.date === null) return undefined;
  if (parent.accountId === accountId) return undefined;
  return { account: parent.accountId, date: parent.date };
}

/**
 * What a transfer adds to this account (FINANCE §2): between two live accounts of one currency
 * always the negated amount, otherwise `transferAmountMinor` when the row has one.
 */
function transferLegAmount(
  fromAccountId: string | null,
  amountMinor: number,
  row: ExistingTransaction,
  sameCurrencyAccounts: ReadonlySet<string>,
): number {
  const negated = amountMinor === 0 ? 0 : -amountMinor;
  if (fromAccountId !== null && sameCurrencyAccounts.has(fromAccountId)) return negated;
  return row.transferAmountMinor ?? negated;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
