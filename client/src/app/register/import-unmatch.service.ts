import { inject, Injectable, untracked } from '@angular/core';
import type { Transaction } from '@finwise/domain';
import type { FinanceMutation } from '@finwise/finance';
import {
  isImportMatchedRow,
  reimportChain,
  unmatchedLineRowId,
  unmatchMutations,
} from '@finwise/import';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { HISTORY_MAX, RowHistoryService } from '../data/history/row-history.service';
import { SyncClientService } from '../data/sync-client/sync-client.service';
import { findPayeeByName } from '../data/views/payee-index';
import { PayeesViewStore } from '../data/views/payees-view.store';
import { clearedBeforeMatch } from './cleared-before-match';

/** What an unmatch will write, ready to be confirmed. */
export interface UnmatchPlan {
  /** `cleared` the manual entry gets back; undefined: it stays as it is (history unknown). */
  readonly clearedBefore: boolean | undefined;
  /** Where `clearedBefore` came from: the row's history, or why it is not known. */
  readonly clearedSource: 'history' | 'offline' | 'unavailable';
  /** The bank's text the new row shows. */
  readonly bankPayee: string | null;
  readonly mutations: readonly FinanceMutation[];
}

/** Whether the register offers an unmatch for this row (research D7). */
export function canUnmatch(row: Transaction): boolean {
  return (
    row.reconciled !== true &&
    !row.parentId &&
    typeof row.date === 'string' &&
    typeof row.amountMinor === 'number' &&
    isImportMatchedRow(row)
  );
}

/**
 * Unmatches a row an import matched (research D7): the manual entry gets back what it had and
 * the bank line returns as a row of its own, in one local write that works offline. `cleared`
 * before the match is known only from the server's history of the row, so offline it stays.
 */
@Injectable({ providedIn: 'root' })
export class ImportUnmatch {
  private readonly sync = inject(SyncClientService);
  private readonly history = inject(RowHistoryService);
  private readonly writes = inject(FinanceWrites);
  private readonly payeeIndex = inject(PayeesViewStore).index;

  async plan(row: Transaction): Promise<UnmatchPlan> {
    const client = this.sync.client();
    if (!client) {
      throw new Error('Sign in to change your household data.');
    }
    if (!canUnmatch(row) || !row.importedId || !row.accountId) {
      throw new Error('This transaction was not matched by an import.');
    }
    const { accountId, importedId } = row;
    // The stores hold live rows only: the match's tombstone and the chain after it are read here.
    const chain = await client
      .table<Transaction>('transactions')
      .getMany(reimportChain(accountId, importedId), { includeDeleted: true });
    const byId = new Map(chain.map((found) => [found.id, found]));
    const lineRowId = unmatchedLineRowId(accountId, importedId, (id) => byId.get(id));
    const { clearedBefore, clearedSource } = await this.clearedBefore(row.id, importedId);
    const bankPayee = row.importedPayee ?? null;
    const payee = bankPayee ? findPayeeByName(untracked(this.payeeIndex), bankPayee) : undefined;
    const mutations = unmatchMutations(
      { ...row, accountId, date: row.date as string, amountMinor: row.amountMinor as number },
      { clearedBefore, lineRowId, payeeId: payee?.payee.id ?? null },
    );
    return { clearedBefore, clearedSource, bankPayee, mutations };
  }

  /** Both writes as one local transaction, queued for sync as one batch. */
  async apply(plan: UnmatchPlan): Promise<void> {
    await this.writes.applyTogether(plan.mutations);
  }

  private async clearedBefore(
    rowId: string,
    importedId: string,
  ): Promise<Pick<UnmatchPlan, 'clearedBefore' | 'clearedSource'>> {
    if (!untracked(this.sync.status).online) {
      return { clearedBefore: undefined, clearedSource: 'offline' };
    }
    try {
      const history = await this.history.load('transactions', rowId, HISTORY_MAX);
      const clearedBefore = clearedBeforeMatch(history, importedId);
      return {
        clearedBefore,
        clearedSource: clearedBefore === undefined ? 'unavailable' : 'history',
      };
    } catch {
      // No history (network gone, server without the row yet): keep cleared, and say so.
      return { clearedBefore: undefined, clearedSource: 'unavailable' };
    }
  }
}
