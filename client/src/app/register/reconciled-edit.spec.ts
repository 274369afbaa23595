import { transactionRow } from '../testing/rows';
import { changesReconciledSide } from './reconciled-edit';

describe('changesReconciledSide', () => {
  const reconciled = transactionRow({ accountId: 'a', reconciled: true, cleared: true });

  it('flags amount, date and account changes of a reconciled row', () => {
    expect(changesReconciledSide(reconciled, { amountMinor: 1 })).toBe(true);
    expect(changesReconciledSide(reconciled, { date: '2026-02-01' })).toBe(true);
    expect(changesReconciledSide(reconciled, { accountId: 'b' })).toBe(true);
  });

  it('lets other fields of a reconciled row change without asking', () => {
    expect(changesReconciledSide(reconciled, { notes: 'x', payeeId: 'p', categoryId: 'c' })).toBe(
      false,
    );
    expect(
      changesReconciledSide(transactionRow({ accountId: 'a' }), { amountMinor: 1, date: 'x' }),
    ).toBe(false);
  });

  it('flags changes of a transfer leg reconciled on the other account', () => {
    const leg = transactionRow({
      accountId: 'a',
      transferAccountId: 'b',
      transferReconciled: true,
    });
    expect(changesReconciledSide(leg, { transferAmountMinor: 5 })).toBe(true);
    expect(changesReconciledSide(leg, { transferAccountId: 'c' })).toBe(true);
    expect(changesReconciledSide(leg, { amountMinor: 5 })).toBe(true);
    expect(changesReconciledSide(leg, { notes: 'x' })).toBe(false);
  });

  it('does not ask for split lines, whose amounts never reach a balance', () => {
    const line = transactionRow({ accountId: 'a', parentId: 'p', reconciled: true });
    expect(changesReconciledSide(line, { amountMinor: 1 })).toBe(false);
  });
});
