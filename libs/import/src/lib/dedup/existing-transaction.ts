import type { LedgerTransaction } from '@finwise/finance';

/**
 * A stored `transactions` row as the importer reads it: a structural subset of the synced record
 * (FINANCE §1), so rows from the server's database or the browser's store pass in as they are.
 */
export interface ExistingTransaction extends LedgerTransaction {
  readonly payeeId?: string | null;
  readonly importedId?: string | null;
  readonly importedPayee?: string | null;
  readonly notes?: string | null;
  readonly transferImportedId?: string | null;
}

/** The accounts the importer needs to know: names for QIF transfers, currencies for legs. */
export interface ImportAccount {
  readonly id: string;
  readonly name: string | null;
  readonly currency: string | null;
  readonly deletedAt?: string | null;
}
