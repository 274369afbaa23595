import {
  ConflictException,
  ForbiddenException,
  HttpException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { ReconcileRequest } from '@finwise/domain';
import {
  payeeIdFor,
  reconcileAccount,
  RECONCILIATION_ADJUSTMENT_PAYEE,
  type LedgerAccount,
  type LedgerTransaction,
  type PayeeRow,
  type ReconcileResult,
} from '@finwise/finance';
import { ErrorCodes, type AnyRecord, type PushAck } from '@finwise/sync-protocol';
import type { SqlRunner } from '../../database/sql-runner';
import {
  DecidedBatchRefused,
  PushService,
  TenantNotFoundError,
  type WriteOrigin,
} from '../../sync/push/push.service';
import { serverMutation } from '../../sync/push/server-mutation';
import { SyncedEntityRegistry } from '../../sync/tables/synced-entity-registry';
import { readRowsOfAccount } from './reconcile-rows.query';

export interface ReconcileAnswer {
  reconciliation: AnyRecord;
  reconciledCount: number;
  adjustment: AnyRecord | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reconciles an account against a bank statement (FINANCE §2) with the same library function the
 * app runs offline. The rows are read and the writes merged in one transaction under the
 * household's lock, so a row cleared meanwhile on another device is either counted and marked
 * or not counted at all, and the writes reach every device through the change feed.
 */
@Injectable()
export class ReconcileService {
  constructor(
    private readonly pushes: PushService,
    private readonly registry: SyncedEntityRegistry,
  ) {}

  async reconcile(
    tenantId: string,
    accountId: string,
    request: ReconcileRequest,
    origin: WriteOrigin,
  ): Promise<ReconcileAnswer> {
    if (!UUID.test(accountId)) throw accountNotFound(accountId);
    const id = accountId.toLowerCase();
    let outcome: { result: ReconcileResult; ack?: PushAck };
    try {
      outcome = await this.pushes.applyDecided(
        tenantId,
        async (sql) => {
          const result = await this.decide(sql, tenantId, id, request);
          const mutations =
            result.status === 'reconciled'
              ? result.mutations.map((mutation) => serverMutation(this.registry, mutation))
              : [];
          return { mutations, result };
        },
        origin,
      );
    } catch (error) {
      if (error instanceof TenantNotFoundError) {
        throw new ForbiddenException({
          message: 'unknown household',
          details: { code: ErrorCodes.forbidden },
        });
      }
      // A row of the reconcile refused by the merge: nothing was written.
      if (error instanceof DecidedBatchRefused) throw new ConflictException(error.message);
      throw error;
    }

    const { result, ack } = outcome;
    if (result.status === 'account_not_found') throw accountNotFound(id);
    if (result.status === 'mismatch') {
      throw new HttpException(
        {
          message:
            `the cleared balance differs from the statement by ${result.differenceMinor}: ` +
            'clear the missing rows, or reconcile with createAdjustment',
          details: { difference: result.differenceMinor },
        },
        409,
      );
    }
    const written = new Map((ack?.results ?? []).map((r) => [r.record?.id, r.record]));
    const reconciliation = written.get(result.reconciliationId);
    if (!reconciliation) throw new Error('the reconciliation row was not written');
    return {
      reconciliation,
      reconciledCount: result.reconciledCount,
      adjustment: result.adjustmentId ? (written.get(result.adjustmentId) ?? null) : null,
    };
  }

  private async decide(
    sql: SqlRunner,
    tenantId: string,
    accountId: string,
    request: ReconcileRequest,
  ): Promise<ReconcileResult> {
    const table = (modelName: string) => this.registry.get(modelName);
    const categoryId = request.adjustmentCategoryId ?? null;
    const [rows, payees, categories] = await Promise.all([
      readRowsOfAccount(sql, tenantId, accountId, {
        transactions: table('transactions'),
        accounts: table('accounts'),
      }),
      table('payees').findByIds(sql, tenantId, [payeeIdFor(RECONCILIATION_ADJUSTMENT_PAYEE)]),
      categoryId ? table('categories').findByIds(sql, tenantId, [categoryId]) : undefined,
    ]);
    // Another household's category is as unknown here as one that never existed.
    if (categoryId && request.createAdjustment) {
      const category = categories?.get(categoryId);
      if (!category || category.deletedAt !== null) {
        throw new NotFoundException(`category ${categoryId} not found`);
      }
    }
    // The records are the entities' rows, checked against their schemas when written.
    return reconcileAccount({
      accountId,
      statementDate: request.statementDate,
      statementBalanceMinor: request.statementBalanceMinor,
      createAdjustment: request.createAdjustment,
      adjustmentCategoryId: categoryId,
      transactions: rows.transactions as unknown as LedgerTransaction[],
      accounts: rows.accounts as unknown as LedgerAccount[],
      payees: [...payees.values()] as unknown as PayeeRow[],
    });
  }
}

function accountNotFound(id: string): NotFoundException {
  return new NotFoundException(`account ${id.slice(0, 100)} not found`);
}
