import { inject, Injectable } from '@angular/core';
import type { Transaction } from '@finwise/domain';
import {
  MAX_REIMPORT_CHAIN,
  importedRowIds,
  reimportChainIds,
  type StatementLine,
} from '@finwise/import';
import { SyncClientService } from '../data/sync-client/sync-client.service';

/**
 * The rows a file's lines would land on in this device's database, deleted ones included: the
 * stores hold live rows only, and a deleted imported row must keep its line a duplicate. Each
 * tombstone's re-import chain is followed too (`reimportChainIds`), so re-importing a line
 * deleted more than once finds a free id.
 */
@Injectable({ providedIn: 'root' })
export class ImportedRows {
  private readonly sync = inject(SyncClientService);

  async of(accountId: string, lines: readonly StatementLine[]): Promise<Transaction[]> {
    const client = this.sync.client();
    if (!client) {
      throw new Error('Sign in to import into your household.');
    }
    const table = client.table<Transaction>('transactions');
    const rows: Transaction[] = [];
    const asked = new Set<string>();
    let next = [...new Set(importedRowIds(accountId, lines))];
    for (let round = 0; next.length > 0 && round <= MAX_REIMPORT_CHAIN; round += 1) {
      next.forEach((id) => asked.add(id));
      const found = await table.getMany(next, { includeDeleted: true });
      rows.push(...found);
      next = reimportChainIds(found, asked);
    }
    return rows;
  }
}
