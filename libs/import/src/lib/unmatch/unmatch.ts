import type { FinanceMutation } from '@finwise/finance';
import type { ExistingTransaction } from '../dedup/existing-transaction';
import { importedTransactionId, reimportedRowId } from '../ids/imported-transaction-id';
import { MAX_REIMPORT_CHAIN } from '../ids/imported-row-ids';

type RowIds = Pick<ExistingTransaction, 'id' | 'accountId'> & {
  readonly importedId?: string | null;
};

/**
 * Whether an import matched this row (research D7's unmatch applies): it carries a bank id but
 * is not the row that bank line created. A line's own row has the line's import id, or after a
 * delete and `reimportDeleted` an id further along that id's re-import chain.
 */
export function isImportMatchedRow(row: RowIds): boolean {
  if (!row.importedId || !row.accountId) return false;
  return !reimportChain(row.accountId, row.importedId).includes(row.id);
}

/** The line's import id followed by its re-import chain, as far as readers follow it. */
export function reimportChain(accountId: string, importedId: string): string[] {
  const ids = [importedTransactionId(accountId, importedId)];
  for (let step = 0; step < MAX_REIMPORT_CHAIN; step += 1) {
    ids.push(reimportedRowId(ids[ids.length - 1]));
  }
  return ids;
}

/**
 * The id the unmatched bank line gets: the one a re-import of it would write (`reimportDeleted`).
 * The match left a tombstone at the import id, so the walk starts after it and takes the first id
 * with no row here, or a live one (another device unmatched first: the same line, one row). Two
 * devices unmatching offline therefore write the same row. `rowOf` looks ids up tombstones
 * included; readers load the chain with `reimportChain`.
 */
export function unmatchedLineRowId(
  accountId: string,
  importedId: string,
  rowOf: (id: string) => { readonly deletedAt?: string | null } | undefined,
): string {
  const chain = reimportChain(accountId, importedId).slice(1);
  const free = chain.find((id) => {
    const row = rowOf(id);
    return row === undefined || !row.deletedAt;
  });
  if (free === undefined) {
    throw new Error('This bank line was deleted too often to be added back.');
  }
  return free;
}

export interface UnmatchRow extends RowIds {
  readonly accountId: string;
  readonly date: string;
  readonly amountMinor: number;
  readonly importedPayee?: string | null;
  readonly cleared?: boolean | null;
}

export interface UnmatchChoices {
  /** `cleared` before the match (from the row's history); undefined keeps it as it is. */
  readonly clearedBefore?: boolean;
  /** `unmatchedLineRowId`. */
  readonly lineRowId: string;
  /** A payee the bank text names, if the household has one. */
  readonly payeeId?: string | null;
}

/**
 * The two writes of an unmatch, one batch: the manual entry without the bank's id and text
 * (and its `cleared` as before the match, when known), and the bank line as a row of its own on
 * the row's date (the bank's date is not stored), cleared, carrying the bank id so a re-import
 * finds it as a duplicate.
 */
export function unmatchMutations(row: UnmatchRow, choices: UnmatchChoices): FinanceMutation[] {
  if (!isImportMatchedRow(row) || !row.importedId) {
    throw new Error('This transaction was not matched by an import.');
  }
  const line: FinanceMutation['data'] = {
    id: choices.lineRowId,
    accountId: row.accountId,
    date: row.date,
    amountMinor: row.amountMinor,
    importedId: row.importedId,
    // Optional fields are left out rather than sent as null, as an import's create does.
    ...(row.importedPayee ? { importedPayee: row.importedPayee } : {}),
    ...(choices.payeeId ? { payeeId: choices.payeeId } : {}),
    cleared: true,
    reconciled: false,
  };
  return [
    {
      modelName: 'transactions',
      operation: 'update',
      data: {
        id: row.id,
        importedId: null,
        importedPayee: null,
        ...(choices.clearedBefore === undefined ? {} : { cleared: choices.clearedBefore }),
      },
    },
    { modelName: 'transactions', operation: 'create', data: line },
  ];
}
