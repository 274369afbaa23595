import { account, row } from '../../testing/fixtures';
import { splitRemainders } from './split-remainders';

const checking = account('checking');

describe('splitRemainders', () => {
  it('is the parent amount minus its live children, per split parent', () => {
    const balanced = row({ accountId: checking.id, date: '2026-01-01', amountMinor: -10000 });
    const unbalanced = row({ accountId: checking.id, date: '2026-01-02', amountMinor: -10000 });
    const plain = row({ accountId: checking.id, date: '2026-01-03', amountMinor: -5 });
    const rows = [
      balanced,
      row({
        accountId: checking.id,
        date: '2026-01-01',
        amountMinor: -6000,
        parentId: balanced.id,
      }),
      row({
        accountId: checking.id,
        date: '2026-01-01',
        amountMinor: -4000,
        parentId: balanced.id,
      }),
      unbalanced,
      row({
        accountId: checking.id,
        date: '2026-01-02',
        amountMinor: -6000,
        parentId: unbalanced.id,
      }),
      row({
        accountId: checking.id,
        date: '2026-01-02',
        amountMinor: -5000,
        parentId: unbalanced.id,
      }),
      row({
        accountId: checking.id,
        date: '2026-01-02',
        amountMinor: -700,
        parentId: unbalanced.id,
        deletedAt: 'gone',
      }),
      plain,
    ];
    expect(splitRemainders(rows)).toEqual(
      new Map([
        [balanced.id, 0],
        [unbalanced.id, 1000],
      ]),
    );
  });
});
