import { account, row } from '../../testing/fixtures';
import type { ReconciliationRow } from '../core/rows';
import { latestReconciliation, reconciledHistoryChanged } from './reconciled-history';

const checking = account('checking');

function reconciliation(
  fields: Partial<ReconciliationRow> & Pick<ReconciliationRow, 'id'>,
): ReconciliationRow {
  return {
    accountId: checking.id,
    statementDate: '2026-01-31',
    statementBalanceMinor: 1000,
    clearedTotalMinor: 1000,
    createdAt: '2026-02-01T10:00:00.000Z',
    ...fields,
  };
}

describe('latestReconciliation', () => {
  it('is the latest statement, then the latest created (not yet on the server = newest), then the highest id', () => {
    const older = reconciliation({ id: 'a', statementDate: '2026-01-31' });
    const newer = reconciliation({ id: 'b', statementDate: '2026-02-28' });
    const sameDateLater = reconciliation({
      id: 'c',
      statementDate: '2026-02-28',
      createdAt: '2026-03-02T00:00:00.000Z',
    });
    const local = reconciliation({ id: 'd', statementDate: '2026-02-28', createdAt: null });
    const deleted = reconciliation({ id: 'e', statementDate: '2026-12-31', deletedAt: 'gone' });
    const otherAccount = reconciliation({
      id: 'f',
      statementDate: '2026-12-31',
      accountId: 'other',
    });
    expect(latestReconciliation([older, newer, deleted, otherAccount], checking.id)?.id).toBe('b');
    expect(latestReconciliation([older, sameDateLater, newer], checking.id)?.id).toBe('c');
    expect(latestReconciliation([local, older, sameDateLater, newer], checking.id)?.id).toBe('d');
    expect(latestReconciliation([], checking.id)).toBeUndefined();
  });
});

describe('reconciledHistoryChanged', () => {
  const reconciled = row({
    accountId: checking.id,
    date: '2026-01-10',
    amountMinor: 1000,
    cleared: true,
    reconciled: true,
  });
  const input = {
    accountId: checking.id,
    accounts: [checking],
    reconciliations: [reconciliation({ id: 'a' })],
  };

  it('is false while the reconciled rows add up to the latest reconciliation', () => {
    expect(reconciledHistoryChanged({ ...input, transactions: [reconciled] })).toBe(false);
    expect(reconciledHistoryChanged({ ...input, transactions: [], reconciliations: [] })).toBe(
      false,
    );
  });

  it('is true after a reconciled row changed', () => {
    expect(
      reconciledHistoryChanged({ ...input, transactions: [{ ...reconciled, amountMinor: 999 }] }),
    ).toBe(true);
    expect(
      reconciledHistoryChanged({ ...input, transactions: [{ ...reconciled, deletedAt: 'gone' }] }),
    ).toBe(true);
  });
});
