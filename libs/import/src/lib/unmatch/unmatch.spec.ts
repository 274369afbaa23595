import {
  applyMutations,
  CHECKING,
  context,
  existing,
  statement,
} from '../../testing/dedup-fixtures';
import type { ExistingTransaction } from '../dedup/existing-transaction';
import { importedTransactionId, reimportedRowId } from '../ids/imported-transaction-id';
import { planImport } from '../plan/plan-import';
import { isImportMatchedRow, unmatchedLineRowId, unmatchMutations } from './unmatch';

const BANK_ID = 'bank-42';
const OWN_ID = importedTransactionId(CHECKING, BANK_ID);

describe('isImportMatchedRow', () => {
  it('is true for a hand-typed row that carries a bank id', () => {
    expect(isImportMatchedRow({ id: 'manual', accountId: CHECKING, importedId: BANK_ID })).toBe(
      true,
    );
  });

  it('is false for a row without a bank id', () => {
    expect(isImportMatchedRow({ id: 'manual', accountId: CHECKING, importedId: null })).toBe(false);
    expect(isImportMatchedRow({ id: 'manual', accountId: CHECKING })).toBe(false);
  });

  it('is false for the row the line created, and for its re-imported rows', () => {
    expect(isImportMatchedRow({ id: OWN_ID, accountId: CHECKING, importedId: BANK_ID })).toBe(
      false,
    );
    const twice = reimportedRowId(reimportedRowId(OWN_ID));
    expect(isImportMatchedRow({ id: twice, accountId: CHECKING, importedId: BANK_ID })).toBe(false);
  });

  it('compares the account id without case, as the import id does', () => {
    const upper = { id: OWN_ID, accountId: CHECKING.toUpperCase(), importedId: BANK_ID };
    expect(isImportMatchedRow(upper)).toBe(false);
  });
});

describe('unmatchedLineRowId', () => {
  it('skips the tombstone at the import id and takes the first free id of its chain', () => {
    const rows = new Map([[OWN_ID, { deletedAt: '2026-03-10T00:00:00.000Z' }]]);
    expect(unmatchedLineRowId(CHECKING, BANK_ID, (id) => rows.get(id))).toBe(
      reimportedRowId(OWN_ID),
    );
  });

  it('follows deleted re-imported rows, and lands on a live one another device wrote', () => {
    const first = reimportedRowId(OWN_ID);
    const second = reimportedRowId(first);
    const deleted = new Map([
      [OWN_ID, { deletedAt: 'x' }],
      [first, { deletedAt: 'x' }],
    ]);
    expect(unmatchedLineRowId(CHECKING, BANK_ID, (id) => deleted.get(id))).toBe(second);
    const live = new Map([
      [OWN_ID, { deletedAt: 'x' }],
      [first, { deletedAt: null }],
    ]);
    expect(unmatchedLineRowId(CHECKING, BANK_ID, (id) => live.get(id))).toBe(first);
  });

  it('refuses a chain deleted past what readers follow', () => {
    expect(() => unmatchedLineRowId(CHECKING, BANK_ID, () => ({ deletedAt: 'x' }))).toThrow(
      /deleted too often/,
    );
  });
});

describe('unmatchMutations', () => {
  const matched = {
    id: 'manual',
    accountId: CHECKING,
    date: '2026-03-09',
    amountMinor: -1250,
    importedId: BANK_ID,
    importedPayee: 'REWE SAGT DANKE',
    cleared: true,
  };

  it('restores the manual entry and adds the bank line back as its own row', () => {
    const lineRowId = reimportedRowId(OWN_ID);
    expect(unmatchMutations(matched, { clearedBefore: false, lineRowId, payeeId: 'p1' })).toEqual([
      {
        modelName: 'transactions',
        operation: 'update',
        data: { id: 'manual', importedId: null, importedPayee: null, cleared: false },
      },
      {
        modelName: 'transactions',
        operation: 'create',
        data: {
          id: lineRowId,
          accountId: CHECKING,
          date: '2026-03-09',
          amountMinor: -1250,
          importedId: BANK_ID,
          importedPayee: 'REWE SAGT DANKE',
          payeeId: 'p1',
          cleared: true,
          reconciled: false,
        },
      },
    ]);
  });

  it('leaves cleared alone when its value before the match is unknown', () => {
    const [restore] = unmatchMutations(matched, { lineRowId: 'line' });
    expect(restore.data).toEqual({ id: 'manual', importedId: null, importedPayee: null });
  });

  it('refuses a row no import matched', () => {
    expect(() => unmatchMutations({ ...matched, importedId: null }, { lineRowId: 'x' })).toThrow(
      /not matched/,
    );
    expect(() => unmatchMutations({ ...matched, id: OWN_ID }, { lineRowId: 'x' })).toThrow(
      /not matched/,
    );
  });
});

describe('re-importing the file after an unmatch', () => {
  const file = statement([
    { line: 1, bankId: BANK_ID, date: '2026-03-10', amountMinor: -1250, payee: 'REWE' },
  ]);

  function unmatchAfterImport(): { rows: ExistingTransaction[]; lineRowId: string } {
    const manual = existing({ id: 'manual', date: '2026-03-09', cleared: false });
    const imported = planImport(file, context({ transactions: [manual] }));
    expect(imported.rows[0]).toMatchObject({ status: 'match', matchedId: 'manual' });
    let rows = applyMutations([manual], imported.mutations);
    const row = rows.find((candidate) => candidate.id === 'manual') as ExistingTransaction;
    expect(isImportMatchedRow(row)).toBe(true);
    expect(row.importedId).toBe(BANK_ID);
    // The match left a tombstone where the line's own row would be.
    expect(rows.find((candidate) => candidate.id === OWN_ID)?.deletedAt).toBeTruthy();
    const byId = new Map(rows.map((candidate) => [candidate.id, candidate]));
    const lineRowId = unmatchedLineRowId(CHECKING, BANK_ID, (id) => byId.get(id));
    rows = applyMutations(
      rows,
      unmatchMutations(
        {
          ...row,
          accountId: CHECKING,
          date: row.date as string,
          amountMinor: row.amountMinor as number,
        },
        { clearedBefore: false, lineRowId },
      ),
    );
    return { rows, lineRowId };
  }

  it('finds the line as a duplicate of the row the unmatch added', () => {
    const { rows, lineRowId } = unmatchAfterImport();
    expect(rows.find((row) => row.id === 'manual')).toMatchObject({
      importedId: null,
      importedPayee: null,
      cleared: false,
    });
    const again = planImport(file, context({ transactions: rows }));
    expect(lineRowId).toBe(reimportedRowId(OWN_ID));
    expect(again.rows[0]).toMatchObject({ status: 'duplicate', matchedId: lineRowId });
    expect(again.rows[0].deleted).toBeUndefined();
    expect(again.mutations).toEqual([]);
  });

  it('gives two devices unmatching offline the same bank line row, so they merge into one', () => {
    const phone = unmatchAfterImport();
    const laptop = unmatchAfterImport();
    expect(laptop.lineRowId).toBe(phone.lineRowId);
    const merged = applyMutations(phone.rows, []).filter((row) => !row.deletedAt);
    const again = applyMutations(laptop.rows, []).filter((row) => !row.deletedAt);
    expect(again).toEqual(merged);
    expect(merged.filter((row) => row.importedId === BANK_ID)).toHaveLength(1);
  });

  it('stays a duplicate with reimportDeleted: the line has a live row', () => {
    const { rows, lineRowId } = unmatchAfterImport();
    const again = planImport(file, context({ transactions: rows }), { reimportDeleted: true });
    expect(again.rows[0]).toMatchObject({ status: 'duplicate', matchedId: lineRowId });
    expect(again.mutations).toEqual([]);
  });
});
