import { importedTransactionId, reimportedRowId } from '../ids/imported-transaction-id';
import {
  CHECKING,
  SAVINGS,
  applyMutations,
  context,
  existing,
  statement,
  tombstone,
} from '../../testing/dedup-fixtures';
import type { ExistingTransaction } from '../dedup/existing-transaction';
import { planImport } from './plan-import';

const liveOnly = (rows: readonly ExistingTransaction[]) => rows.filter((row) => !row.deletedAt);
const deleteRow = (rows: readonly ExistingTransaction[], id: string) =>
  applyMutations(rows, [{ modelName: 'transactions', operation: 'delete', data: { id } }]);

describe('planImport: a matched row the user deleted', () => {
  const file = statement([{ line: 1, date: '2026-03-10', amountMinor: -1250, payee: 'REWE' }]);

  it('does not bring the line back once the manual row it matched is deleted', () => {
    const manual = existing({ id: 'manual', date: '2026-03-09' });
    const first = planImport(file, context({ transactions: [manual] }));
    expect(first.rows[0]).toMatchObject({ status: 'match', matchedId: 'manual' });

    // The deleted manual row keeps no fields: only the tombstone the match left finds the line.
    const rows = deleteRow(applyMutations([manual], first.mutations), 'manual');
    expect(rows.find((row) => row.id === 'manual')).toEqual(tombstone('manual'));
    const again = planImport(file, context({ transactions: rows }));
    expect(again.rows[0]).toMatchObject({ status: 'duplicate', deleted: true });
    expect(again.mutations).toEqual([]);
    expect(again.summary).toMatchObject({ new: 0, duplicate: 1 });
  });

  it('names the live matched row, not the tombstone, while the row is there', () => {
    const manual = existing({ id: 'manual', date: '2026-03-09' });
    const first = planImport(file, context({ transactions: [manual] }));
    const again = planImport(
      file,
      context({ transactions: applyMutations([manual], first.mutations) }),
    );
    expect(again.rows[0]).toEqual(
      expect.objectContaining({ status: 'duplicate', matchedId: 'manual' }),
    );
    expect(again.rows[0].deleted).toBeUndefined();
  });

  it('imports it again with reimportDeleted, as a new row with a fresh id, and again after that', () => {
    const manual = existing({ id: 'manual', date: '2026-03-09' });
    const matched = planImport(file, context({ transactions: [manual] }));
    const importedId = matched.rows[0].importedId as string;
    const ownId = importedTransactionId(CHECKING, importedId);
    let rows = deleteRow(applyMutations([manual], matched.mutations), 'manual');

    const reimported = planImport(file, context({ transactions: rows }), { reimportDeleted: true });
    expect(reimported.rows[0]).toMatchObject({ status: 'new', importedId });
    expect(reimported.ids).toEqual([reimportedRowId(ownId)]);
    rows = applyMutations(rows, reimported.mutations);
    expect(liveOnly(rows)).toEqual([
      expect.objectContaining({ id: reimportedRowId(ownId), importedId, amountMinor: -1250 }),
    ]);

    // Re-importing again while the row is there adds nothing; deleted once more, the chain goes on.
    expect(
      planImport(file, context({ transactions: rows }), { reimportDeleted: true }).rows[0],
    ).toMatchObject({ status: 'duplicate', matchedId: reimportedRowId(ownId) });
    rows = deleteRow(rows, reimportedRowId(ownId));
    expect(planImport(file, context({ transactions: rows })).rows[0]).toMatchObject({
      status: 'duplicate',
      deleted: true,
    });
    const third = planImport(file, context({ transactions: rows }), { reimportDeleted: true });
    expect(third.ids).toEqual([reimportedRowId(reimportedRowId(ownId))]);
  });
});

describe('planImport: split lines transferring into the account', () => {
  const parent = existing({
    id: 'parent',
    accountId: SAVINGS,
    date: '2026-03-10',
    amountMinor: 5000,
  });
  const leg = existing({
    id: 'leg',
    accountId: SAVINGS,
    // A split line's own date is ignored: its parent's counts.
    date: '2025-01-01',
    amountMinor: 3000,
    parentId: 'parent',
    transferAccountId: CHECKING,
  });
  const rest = existing({
    id: 'rest',
    accountId: SAVINGS,
    amountMinor: 2000,
    parentId: 'parent',
  });
  const file = statement([{ line: 1, date: '2026-03-12', amountMinor: -3000, bankId: 'T-7' }]);

  it('claims the leg like a transfer booked on a row of its own', () => {
    const plan = planImport(file, context({ transactions: [parent, leg, rest] }));
    expect(plan.rows[0]).toMatchObject({ status: 'match', matchedId: 'leg' });
    expect(plan.mutations[0]).toEqual({
      modelName: 'transactions',
      operation: 'update',
      data: { id: 'leg', transferImportedId: 'T-7', transferCleared: true },
    });
    const again = planImport(
      file,
      context({ transactions: applyMutations([parent, leg, rest], plan.mutations) }),
    );
    expect(again.rows[0]).toMatchObject({ status: 'duplicate', matchedId: 'leg' });
  });

  it('leaves a leg alone whose parent is deleted or too far from the bank date', () => {
    const deletedParent = { ...parent, deletedAt: '2026-03-11T00:00:00.000Z' };
    expect(planImport(file, context({ transactions: [deletedParent, leg] })).rows[0].status).toBe(
      'new',
    );
    const farParent = { ...parent, date: '2026-02-01' };
    expect(planImport(file, context({ transactions: [farParent, leg] })).rows[0].status).toBe(
      'new',
    );
  });

  it('does not claim a leg already claimed, nor a line of this account’s own split', () => {
    const claimed = { ...leg, transferImportedId: 'T-1' };
    expect(planImport(file, context({ transactions: [parent, claimed] })).rows[0].status).toBe(
      'new',
    );
    const ownParent = existing({ id: 'own', date: '2026-03-10', amountMinor: -5000 });
    const ownLine = existing({ id: 'own-line', amountMinor: -3000, parentId: 'own' });
    expect(planImport(file, context({ transactions: [ownParent, ownLine] })).rows[0].status).toBe(
      'new',
    );
  });
});

describe('planImport escape hatches (research D7)', () => {
  const manual = existing({ id: 'manual', date: '2026-03-09' });
  const file = statement([
    { line: 1, date: '2026-03-10', amountMinor: -1250, payee: 'REWE' },
    { line: 2, date: '2026-03-11', amountMinor: -1250, payee: 'Kiosk' },
  ]);

  it('adds every line as new with fuzzyMatch false, touching no manual row', () => {
    const plan = planImport(file, context({ transactions: [manual] }), { fuzzyMatch: false });
    expect(plan.rows.map((row) => row.status)).toEqual(['new', 'new']);
    expect(plan.mutations.every((m) => m.operation === 'create')).toBe(true);
    expect(plan.mutations.map((m) => m.data.id)).toEqual(
      plan.rows.map((row) => importedTransactionId(CHECKING, row.importedId as string)),
    );
  });

  it('still finds lines imported before with fuzzyMatch false', () => {
    const first = planImport(file, context());
    const rows = applyMutations([], first.mutations);
    const again = planImport(file, context({ transactions: rows }), { fuzzyMatch: false });
    expect(again.summary).toMatchObject({ new: 0, duplicate: 2 });
  });

  it('force-adds a matched line with its own id and lets the next line take the row', () => {
    const plain = planImport(file, context({ transactions: [manual] }));
    expect(plain.rows.map((row) => row.status)).toEqual(['match', 'new']);

    const forced = planImport(file, context({ transactions: [manual] }), { forceNewLines: [1] });
    expect(forced.rows.map((row) => [row.status, row.matchedId])).toEqual([
      ['new', undefined],
      ['match', 'manual'],
    ]);
    expect(forced.ids[0]).toBe(
      importedTransactionId(CHECKING, forced.rows[0].importedId as string),
    );
    expect(forced).toMatchObject({ created: 1, updated: 1 });
  });

  it('never turns a duplicate into a new row by force', () => {
    const first = planImport(file, context());
    const rows = applyMutations([], first.mutations);
    const forced = planImport(file, context({ transactions: rows }), { forceNewLines: [1, 2] });
    expect(forced.mutations).toEqual([]);
  });

  it('shows a reader warning on the preview row', () => {
    const warned = statement([
      {
        line: 4,
        date: '2026-03-10',
        amountMinor: 12000,
        bankId: 'F-1',
        warning: 'TRNAMT "$120" was read without "$": check the amount',
      },
    ]);
    expect(planImport(warned, context()).rows[0]).toMatchObject({
      status: 'new',
      warning: 'TRNAMT "$120" was read without "$": check the amount',
    });
  });
});
