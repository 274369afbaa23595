import { inject, Injectable } from '@angular/core';
import type { Transaction } from '@finwise/domain';
import { importedRowIds, type StatementLine } from '@finwise/import';
import { SyncClientService } from '../data/sync-client/sync-client.service';

/**
 * The rows a file's lines would land on in this device's database, deleted ones included: the
 * stores hold live rows only, and a deleted imported row must keep its line a duplicate.
 */
@Injectable({ providedIn: 'root' })
export class ImportedRows {
  private readonly sync = inject(SyncClientService);

  async of(accountId: string, lines: readonly StatementLine[]): Promise<Transaction[]> {
    const client = this.sync.client();
    if (!client) {
      throw new Error('Sign in to import into your household.');
    }
    return client
      .table<Transaction>('transactions')
      .getMany(importedRowIds(accountId, lines), { includeDeleted: true });
  }
}
