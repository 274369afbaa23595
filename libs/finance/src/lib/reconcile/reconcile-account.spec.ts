import { account, applyMutations, category, id, row, sequentialIds } from '../../testing/fixtures';
import type { LedgerTransaction } from '../core/rows';
import { reconciledSum } from '../ledger/reconciled-sum';
import { payeeIdFor } from '../payees/payee-id';
import { reconcileAccount, type ReconcileInput } from './reconcile-account';

const checking = account('checking');
const savings = account('savings');
const fees = category('fees');
const ADJUSTMENT_PAYEE = '8fc1ffed-79ac-5962-b86e-ac1e37d39600';

const cleared = row({
  accountId: checking.id,
  date: '2026-01-01',
  amountMinor: 1000,
  cleared: true,
});
const uncleared = row({ accountId: checking.id, date: '2026-01-02', amountMinor: 200 });
const alreadyReconciled = row({
  accountId: checking.id,
  date: '2026-01-03',
  amountMinor: 500,
  reconciled: true,
});
const afterStatement = row({
  accountId: checking.id,
  date: '2026-02-01',
  amountMinor: 50,
  cleared: true,
});
const incoming = row({
  accountId: savings.id,
  date: '2026-01-04',
  amountMinor: -300,
  transferAccountId: checking.id,
  transferCleared: true,
});
const outgoing = row({
  accountId: checking.id,
  date: '2026-01-05',
  amountMinor: -40,
  cleared: true,
  transferAccountId: savings.id,
  transferCleared: true,
});
const parent = row({
  accountId: checking.id,
  date: '2026-01-06',
  amountMinor: -100,
  cleared: true,
});
const child = row({
  accountId: checking.id,
  date: '2026-03-01',
  amountMinor: -100,
  parentId: parent.id,
});
const deadChild = row({
  accountId: checking.id,
  date: '2026-01-06',
  amountMinor: -9,
  cleared: true,
  parentId: id('gone'),
});
const deleted = row({
  accountId: checking.id,
  date: '2026-01-06',
  amountMinor: -7,
  cleared: true,
  deletedAt: 'gone',
});
const transactions: LedgerTransaction[] = [
  cleared,
  uncleared,
  alreadyReconciled,
  afterStatement,
  incoming,
  outgoing,
  parent,
  child,
  deadChild,
  deleted,
];

function reconcile(fields: Partial<ReconcileInput>) {
  return reconcileAccount({
    accountId: checking.id,
    statementDate: '2026-01-31',
    statementBalanceMinor: 1660,
    transactions,
    accounts: [checking, savings],
    payees: [],
    newId: sequentialIds('reconcile'),
    ...fields,
  });
}

describe('reconcileAccount', () => {
  it('refuses to finish on a difference without an adjustment', () => {
    expect(reconcile({ statementBalanceMinor: 1700 })).toEqual({
      status: 'mismatch',
      clearedTotalMinor: 1660,
      differenceMinor: 40,
    });
  });

  it('marks every counted row reconciled on its side and records the reconciliation', () => {
    const ids = sequentialIds('reconcile');
    const result = reconcile({ newId: sequentialIds('reconcile') });
    const reconciliationId = ids();
    expect(result).toEqual({
      status: 'reconciled',
      clearedTotalMinor: 1660,
      differenceMinor: 0,
      reconciledCount: 5,
      reconciliationId,
      adjustmentId: null,
      mutations: [
        {
          modelName: 'transactions',
          operation: 'update',
          data: { id: cleared.id, reconciled: true },
        },
        {
          modelName: 'transactions',
          operation: 'update',
          data: { id: incoming.id, transferReconciled: true },
        },
        {
          modelName: 'transactions',
          operation: 'update',
          data: { id: outgoing.id, reconciled: true },
        },
        {
          modelName: 'transactions',
          operation: 'update',
          data: { id: parent.id, reconciled: true },
        },
        {
          modelName: 'reconciliations',
          operation: 'create',
          data: {
            id: reconciliationId,
            accountId: checking.id,
            statementDate: '2026-01-31',
            statementBalanceMinor: 1660,
            clearedTotalMinor: 1660,
            adjustmentId: null,
          },
        },
      ],
    });
  });

  it('books the difference as a cleared, reconciled adjustment with its payee', () => {
    const result = reconcile({
      statementBalanceMinor: 1700,
      createAdjustment: true,
      adjustmentCategoryId: fees.id,
    });
    if (result.status !== 'reconciled') throw new Error(result.status);
    expect(payeeIdFor('Reconciliation adjustment')).toBe(ADJUSTMENT_PAYEE);
    expect(result.reconciledCount).toBe(6);
    expect(result.mutations.slice(0, 2)).toEqual([
      {
        modelName: 'payees',
        operation: 'create',
        data: { id: ADJUSTMENT_PAYEE, name: 'Reconciliation adjustment', favorite: false },
      },
      {
        modelName: 'transactions',
        operation: 'create',
        data: {
          id: result.adjustmentId,
          accountId: checking.id,
          date: '2026-01-31',
          amountMinor: 40,
          payeeId: ADJUSTMENT_PAYEE,
          categoryId: fees.id,
          cleared: true,
          reconciled: true,
        },
      },
    ]);
    expect(result.mutations.at(-1)?.data).toMatchObject({
      statementBalanceMinor: 1700,
      clearedTotalMinor: 1700,
      adjustmentId: result.adjustmentId,
    });
    const after = applyMutations(transactions, 'transactions', result.mutations);
    expect(reconciledSum(after, [checking, savings], checking.id)).toBe(1700);
    const again = reconcile({ transactions: after, statementBalanceMinor: 1700 });
    expect(again).toMatchObject({ status: 'reconciled', differenceMinor: 0, reconciledCount: 6 });
  });

  it('does not create the payee twice', () => {
    const result = reconcile({
      statementBalanceMinor: 1600,
      createAdjustment: true,
      payees: [{ id: ADJUSTMENT_PAYEE, name: 'Reconciliation adjustment' }],
    });
    if (result.status !== 'reconciled') throw new Error(result.status);
    expect(result.mutations[0]).toMatchObject({
      modelName: 'transactions',
      data: { amountMinor: -60, categoryId: null },
    });
  });

  it('reconciles the far side of transfers through their transfer flags', () => {
    // In savings, `outgoing` is the far side (transferCleared) and `incoming` the own side (not cleared).
    const result = reconcile({ accountId: savings.id, statementBalanceMinor: 40 });
    expect(result).toMatchObject({
      status: 'reconciled',
      clearedTotalMinor: 40,
      reconciledCount: 1,
    });
    if (result.status !== 'reconciled') throw new Error(result.status);
    expect(result.mutations[0]).toEqual({
      modelName: 'transactions',
      operation: 'update',
      data: { id: outgoing.id, transferReconciled: true },
    });
  });

  it('reports an unknown or deleted account, and refuses a malformed date', () => {
    expect(reconcile({ accountId: id('nowhere') })).toEqual({ status: 'account_not_found' });
    expect(reconcile({ accounts: [{ ...checking, deletedAt: 'gone' }, savings] })).toEqual({
      status: 'account_not_found',
    });
    expect(() => reconcile({ statementDate: '2026-01-32' })).toThrow(RangeError);
  });
});
