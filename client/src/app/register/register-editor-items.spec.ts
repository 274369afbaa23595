import { indexTransactions } from '../data/views/transaction-index';
import { accountRow, transactionRow } from '../testing/rows';
import { editorSlots, withRowEditor } from './register-editor-items';
import { registerItems } from './register-items';

describe('withRowEditor', () => {
  const checking = accountRow();
  const older = transactionRow({ accountId: checking.id, date: '2026-01-01' });
  const parent = transactionRow({
    accountId: checking.id,
    amountMinor: -5_000,
    date: '2026-01-02',
  });
  const child = transactionRow({
    accountId: checking.id,
    parentId: parent.id,
    amountMinor: -1_000,
  });
  const newer = transactionRow({ accountId: checking.id, date: '2026-01-03' });
  const index = indexTransactions([older, parent, child, newer], [checking]);
  const items = registerItems(
    index.byAccount.get(checking.id) ?? [],
    index.childrenByParent,
    index.remainders,
  );

  it('opens the editor where the row stands, with fillers and without its split lines', () => {
    const view = withRowEditor(items, parent.id, 3);
    expect(view.map((item) => item.kind)).toEqual(['entry', 'editor', 'filler', 'filler', 'entry']);
    expect(view[1]).toMatchObject({ kind: 'editor', entry: { transaction: parent } });
    expect(view[4]).toMatchObject({ transaction: older });
  });

  it('leaves the rows alone when nothing (or a vanished row) is edited', () => {
    expect(withRowEditor(items, null, 3)).toEqual(items);
    expect(withRowEditor(items, 'gone', 3)).toEqual(items);
  });

  it('counts the slots an editor of some height covers', () => {
    expect(editorSlots(300, 52)).toBe(6);
    expect(editorSlots(0, 52)).toBe(1);
  });
});
