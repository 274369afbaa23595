import type { StatementLine } from '../model/statement';
import { importedTransactionId } from './imported-transaction-id';
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
