import { indexTransactions } from '../../data/views/transaction-index';
import { accountRow, transactionRow } from '../../testing/rows';
import { registerItems } from '../register-items';
import { blockStarts, filteredRegisterItems } from './filtered-register-items';

describe('filteredRegisterItems', () => {
  const checking = accountRow({ name: 'Checking' });
  const first = transactionRow({ accountId: checking.id, date: '2026-01-01', amountMinor: 500 });
  const split = transactionRow({ accountId: checking.id, date: '2026-01-02', amountMinor: -300 });
  const line = transactionRow({ accountId: checking.id, parentId: split.id, amountMinor: -100 });
  const last = transactionRow({ accountId: checking.id, date: '2026-01-03', amountMinor: -50 });
  const ledger = indexTransactions([first, split, line, last], [checking]);
  const items = registerItems(
    ledger.byAccount.get(checking.id) ?? [],
    ledger.childrenByParent,
    ledger.remainders,
  );
  const starts = blockStarts(items);

  it('keeps a matched row with its split lines and remainder, newest first, balances unchanged', () => {
    const shown = filteredRegisterItems(items, starts, [0, 1]);
    expect(shown.map((item) => item.key)).toEqual([
      split.id,
      line.id,
      `${split.id}:remainder`,
      first.id,
    ]);
    const entry = shown[0];
    expect(entry.kind === 'entry' && entry.balanceMinor).toBe(200);
  });

  it('shows nothing for no positions and the newest row alone for the last position', () => {
    expect(filteredRegisterItems(items, starts, [])).toEqual([]);
    expect(filteredRegisterItems(items, starts, [2]).map((item) => item.key)).toEqual([last.id]);
  });
});
