import type { StatementLine } from '../model/statement';
import { importedTransactionId, reimportedRowId } from './imported-transaction-id';
import { syntheticImportedIds } from './synthetic-imported-ids';

/**
 * The ids the statement's rows would have in the account. A tombstone keeps no fields (DESIGN §6),
 * so it cannot be found by account: whoever builds the `ImportContext` loads these ids too,
 * deleted included, so what the user deleted is not imported again (research D5).
 */
export function importedRowIds(accountId: string, lines: readonly StatementLine[]): string[] {
  return syntheticImportedIds(accountId, lines).flatMap((importedId) =>
    importedId === undefined ? [] : [importedTransactionId(accountId, importedId)],
  );
}

/** How far a reader follows a re-import chain (a line deleted and re-imported this many times). */
export const MAX_REIMPORT_CHAIN = 20;

/**
 * The ids to read next so a plan with `reimportDeleted` finds a free id (`reimportedRowId`): for
 * each tombstone just read, the row that re-imports it, unless already read. Readers call this
 * with each round's rows until it returns nothing (at most `MAX_REIMPORT_CHAIN` rounds).
 */
export function reimportChainIds(
  rows: readonly { readonly id: string; readonly deletedAt?: string | null }[],
  alreadyRead: ReadonlySet<string>,
): string[] {
  return rows.flatMap((row) => {
    if (!row.deletedAt) return [];
    const next = reimportedRowId(row.id);
    return alreadyRead.has(next) ? [] : [next];
  });
}
