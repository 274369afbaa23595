import { assertDate } from '../core/dates';
import { randomId, type IdFactory } from '../core/ids';
import { assertMinorUnits } from '../core/money';
import type { FinanceMutation } from '../core/mutation';
import type { LedgerAccount, LedgerTransaction, PayeeRow } from '../core/rows';
import { contributions } from '../ledger/contributions';
import { indexLiveAccounts } from '../ledger/live-accounts';
import { payeeForName } from '../payees/payee-mutations';

/** The payee of every adjustment a reconcile creates. */
export const RECONCILIATION_ADJUSTMENT_PAYEE = 'Reconciliation adjustment';

export interface ReconcileInput {
  readonly accountId: string;
  /** `YYYY-MM-DD`: rows dated on or before it are on the statement. */
  readonly statementDate: string;
  readonly statementBalanceMinor: number;
  /** Book the difference as an adjustment instead of refusing to finish. */
  readonly createAdjustment?: boolean;
  readonly adjustmentCategoryId?: string | null;
  readonly transactions: readonly LedgerTransaction[];
  readonly accounts: readonly LedgerAccount[];
  /** To know whether the adjustment's payee exists yet. */
  readonly payees: readonly PayeeRow[];
  readonly newId?: IdFactory;
}

export type ReconcileResult =
  | { readonly status: 'account_not_found' }
  | {
      /** The cleared total differs from the statement and no adjustment was asked for. */
      readonly status: 'mismatch';
      readonly clearedTotalMinor: number;
      readonly differenceMinor: number;
    }
  | {
      readonly status: 'reconciled';
      readonly clearedTotalMinor: number;
      readonly differenceMinor: number;
      /** Counted rows (already reconciled ones included) plus the adjustment. */
      readonly reconciledCount: number;
      readonly reconciliationId: string;
      readonly adjustmentId: string | null;
      /** In push order: payee, adjustment, row flags, the reconciliation row. */
      readonly mutations: FinanceMutation[];
    };

/**
 * Reconciles an account against a bank statement (FINANCE §2): the server's endpoint and the
 * offline app both turn the result's mutations into one batch through the normal merge.
 * The cleared total counts every contribution to the account dated on or before the statement
 * that is cleared or reconciled on that side (a transfer's far side reads its transfer flags).
 */
export function reconcileAccount(input: ReconcileInput): ReconcileResult {
  assertDate(input.statementDate);
  assertMinorUnits(input.statementBalanceMinor, 'statementBalanceMinor');
  if (!indexLiveAccounts(input.accounts).has(input.accountId)) {
    return { status: 'account_not_found' };
  }

  const counted = contributions(input.transactions, input.accounts).filter(
    (side) =>
      side.accountId === input.accountId &&
      side.entry.date <= input.statementDate &&
      (side.cleared || side.reconciled),
  );
  const clearedTotalMinor = counted.reduce((sum, side) => sum + side.amountMinor, 0);
  const differenceMinor = input.statementBalanceMinor - clearedTotalMinor;
  if (differenceMinor !== 0 && !input.createAdjustment) {
    return { status: 'mismatch', clearedTotalMinor, differenceMinor };
  }

  const newId = input.newId ?? randomId;
  const mutations: FinanceMutation[] = [];
  let adjustmentId: string | null = null;
  if (differenceMinor !== 0) {
    const payee = payeeForName(RECONCILIATION_ADJUSTMENT_PAYEE, input.payees);
    mutations.push(...payee.mutations);
    adjustmentId = newId();
    mutations.push({
      modelName: 'transactions',
      operation: 'create',
      data: {
        id: adjustmentId,
        accountId: input.accountId,
        date: input.statementDate,
        amountMinor: differenceMinor,
        payeeId: payee.payeeId,
        categoryId: input.adjustmentCategoryId ?? null,
        cleared: true,
        reconciled: true,
      },
    });
  }
  for (const side of counted) {
    const { row } = side.entry;
    if (side.side === 'own' && row.reconciled !== true) {
      mutations.push({
        modelName: 'transactions',
        operation: 'update',
        data: { id: row.id, reconciled: true },
      });
    } else if (side.side === 'transfer' && row.transferReconciled !== true) {
      mutations.push({
        modelName: 'transactions',
        operation: 'update',
        data: { id: row.id, transferReconciled: true },
      });
    }
  }
  const reconciliationId = newId();
  mutations.push({
    modelName: 'reconciliations',
    operation: 'create',
    data: {
      id: reconciliationId,
      accountId: input.accountId,
      statementDate: input.statementDate,
      statementBalanceMinor: input.statementBalanceMinor,
      // With the adjustment booked, the cleared total is the statement balance.
      clearedTotalMinor: input.statementBalanceMinor,
      adjustmentId,
    },
  });

  return {
    status: 'reconciled',
    clearedTotalMinor,
    differenceMinor,
    reconciledCount: counted.length + (adjustmentId ? 1 : 0),
    reconciliationId,
    adjustmentId,
    mutations,
  };
}
