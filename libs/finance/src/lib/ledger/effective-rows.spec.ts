import { account, id, row } from '../../testing/fixtures';
import { effectiveRows } from './effective-rows';

const checking = account('checking');
const savings = account('savings');

describe('effectiveRows', () => {
  it('gives split children their parent account, date, cleared and reconciled', () => {
    const parent = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -10000,
      cleared: true,
      reconciled: true,
    });
    const child = row({
      accountId: savings.id,
      date: '2025-01-01',
      amountMinor: -6000,
      parentId: parent.id,
      cleared: false,
      reconciled: false,
    });
    const [parentView, childView] = effectiveRows([parent, child]);
    expect(parentView.kind).toBe('split-parent');
    expect(childView).toMatchObject({
      kind: 'split-child',
      accountId: checking.id,
      date: '2026-03-05',
      cleared: true,
      reconciled: true,
      parentId: parent.id,
    });
  });

  it('leaves out tombstones and dead children (parent missing, deleted or itself a child)', () => {
    const parent = row({ accountId: checking.id, date: '2026-03-05', amountMinor: -100 });
    const deletedParent = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -100,
      deletedAt: 'gone',
    });
    const child = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -40,
      parentId: parent.id,
    });
    const grandchild = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -1,
      parentId: child.id,
    });
    const orphan = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -2,
      parentId: id('missing'),
    });
    const childOfDeleted = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -3,
      parentId: deletedParent.id,
    });
    const ownParent = row({ accountId: checking.id, date: '2026-03-05', amountMinor: -4 });
    const selfChild = { ...ownParent, parentId: ownParent.id };
    const views = effectiveRows([
      parent,
      deletedParent,
      child,
      grandchild,
      orphan,
      childOfDeleted,
      selfChild,
    ]);
    expect(views.map((view) => [view.row.id, view.kind])).toEqual([
      [parent.id, 'split-parent'],
      [child.id, 'split-child'],
    ]);
  });

  it('reads a parent whose children are all dead as a plain row', () => {
    const parent = row({ accountId: checking.id, date: '2026-03-05', amountMinor: -100 });
    const deadChild = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -100,
      parentId: parent.id,
      deletedAt: 'gone',
    });
    expect(effectiveRows([parent, deadChild]).map((view) => view.kind)).toEqual(['plain']);
  });

  it('reads a transfer to its own account, and a split parent transfer, as no transfer', () => {
    const selfTransfer = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -100,
      transferAccountId: checking.id,
    });
    const parent = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -100,
      transferAccountId: savings.id,
    });
    const childIntoParentAccount = row({
      accountId: savings.id,
      date: '2026-03-05',
      amountMinor: -100,
      parentId: parent.id,
      transferAccountId: checking.id,
    });
    const views = effectiveRows([selfTransfer, parent, childIntoParentAccount]);
    expect(views.map((view) => view.transferAccountId)).toEqual([null, null, null]);
  });

  it('ignores live rows without account, date or amount, and their children', () => {
    const noAccount = row({ accountId: null, date: '2026-03-05', amountMinor: -1 });
    const noDate = row({ accountId: checking.id, date: null, amountMinor: -1 });
    const noAmount = row({ accountId: checking.id, date: '2026-03-05', amountMinor: null });
    const childOfBroken = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -1,
      parentId: noAmount.id,
    });
    const nullFlags = row({
      accountId: checking.id,
      date: '2026-03-05',
      amountMinor: -1,
      cleared: null,
      reconciled: null,
    });
    const views = effectiveRows([noAccount, noDate, noAmount, childOfBroken, nullFlags]);
    expect(views.map((view) => [view.row.id, view.cleared, view.reconciled])).toEqual([
      [nullFlags.id, false, false],
    ]);
  });

  it('reads each array of rows once, and a new array afresh', () => {
    const plain = row({ accountId: checking.id, date: '2026-03-05', amountMinor: -100 });
    const rows = [plain];
    expect(effectiveRows(rows)).toBe(effectiveRows(rows));

    const moved = { ...plain, date: '2026-04-01' };
    expect(effectiveRows([moved])[0].date).toBe('2026-04-01');
    expect(effectiveRows(rows)[0].date).toBe('2026-03-05');
  });
});
