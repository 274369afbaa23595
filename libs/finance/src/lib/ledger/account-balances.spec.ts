import { account, row } from '../../testing/fixtures';
import { accountBalances } from './account-balances';

const checking = account('checking');
const savings = account('savings');
const deleted = account('deleted', { deletedAt: 'gone' });

describe('accountBalances', () => {
  const rows = [
    row({ accountId: checking.id, date: '2026-01-01', amountMinor: 300000 }),
    row({
      accountId: checking.id,
      date: '2026-01-15',
      amountMinor: -50000,
      transferAccountId: savings.id,
    }),
    row({ accountId: checking.id, date: '2026-02-01', amountMinor: -12345 }),
    row({ accountId: checking.id, date: '2026-02-02', amountMinor: -1, deletedAt: 'gone' }),
    row({ accountId: deleted.id, date: '2026-01-01', amountMinor: 999 }),
  ];

  it('sums every contribution per live account, 0 for an account without rows', () => {
    expect(accountBalances(rows, [checking, savings, deleted, account('empty')])).toEqual(
      new Map([
        [checking.id, 237655],
        [savings.id, 50000],
        [account('empty').id, 0],
      ]),
    );
  });

  it('counts only rows dated on or before the given date', () => {
    expect(accountBalances(rows, [checking, savings], { asOf: '2026-01-31' })).toEqual(
      new Map([
        [checking.id, 250000],
        [savings.id, 50000],
      ]),
    );
    expect(
      accountBalances(rows, [checking, savings], { asOf: '2026-01-14' }).get(checking.id),
    ).toBe(300000);
  });

  it("uses a split child's parent date, not its own", () => {
    const parent = row({ accountId: checking.id, date: '2026-03-31', amountMinor: -100 });
    const child = row({
      accountId: savings.id,
      date: '2026-01-01',
      amountMinor: -100,
      parentId: parent.id,
      transferAccountId: savings.id,
    });
    expect(accountBalances([parent, child], [checking, savings], { asOf: '2026-03-30' })).toEqual(
      new Map([
        [checking.id, 0],
        [savings.id, 0],
      ]),
    );
    expect(accountBalances([parent, child], [checking, savings], { asOf: '2026-03-31' })).toEqual(
      new Map([
        [checking.id, -100],
        [savings.id, 100],
      ]),
    );
  });
});
