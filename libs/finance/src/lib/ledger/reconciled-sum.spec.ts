import { account, row } from '../../testing/fixtures';
import { reconciledSum } from './reconciled-sum';

const checking = account('checking');
const savings = account('savings');

describe('reconciledSum', () => {
  it('adds the reconciled contributions to the account, transfer sides by their own flag', () => {
    const rows = [
      row({ accountId: checking.id, date: '2026-01-01', amountMinor: 1000, reconciled: true }),
      row({ accountId: checking.id, date: '2026-01-02', amountMinor: 200, reconciled: false }),
      row({
        accountId: savings.id,
        date: '2026-01-03',
        amountMinor: -300,
        reconciled: false,
        transferAccountId: checking.id,
        transferReconciled: true,
      }),
      row({
        accountId: checking.id,
        date: '2026-01-04',
        amountMinor: -40,
        reconciled: true,
        transferAccountId: savings.id,
        transferReconciled: false,
      }),
    ];
    expect(reconciledSum(rows, [checking, savings], checking.id)).toBe(1260);
    expect(reconciledSum(rows, [checking, savings], savings.id)).toBe(0);
  });
});
