import { payeeIdFor } from '@finwise/domain';
import { importedTransactionId } from '../ids/imported-transaction-id';
import { syntheticImportedIds } from '../ids/synthetic-imported-ids';
import {
  CHECKING,
  SAVINGS,
  applyMutations,
  context,
  existing,
  statement,
} from '../../testing/dedup-fixtures';
import { planImport } from './plan-import';

describe('planImport', () => {
  it('creates a cleared row with the deterministic id, a payee seed and the bank text', () => {
    const file = statement([
      {
        line: 2,
        date: '2026-03-10',
        rawDate: '10.03.2026',
        amountMinor: -1250,
        payee: '  REWE  Markt ',
        notes: 'card 1234',
      },
    ]);
    const plan = planImport(file, context());
    const [importedId] = syntheticImportedIds(CHECKING, file.lines);
    const id = importedTransactionId(CHECKING, importedId as string);

    expect(plan.rows).toEqual([
      {
        line: 2,
        status: 'new',
        date: '2026-03-10',
        rawDate: '10.03.2026',
        amountMinor: -1250,
        payee: '  REWE  Markt ',
        notes: 'card 1234',
        importedId,
      },
    ]);
    expect(plan.mutations).toEqual([
      {
        modelName: 'transactions',
        operation: 'create',
        data: {
          id,
          accountId: CHECKING,
          date: '2026-03-10',
          amountMinor: -1250,
          cleared: true,
          reconciled: false,
          payeeId: payeeIdFor('REWE Markt'),
          importedId,
          importedPayee: '  REWE  Markt ',
          notes: 'card 1234',
        },
      },
    ]);
    expect(plan.payeeSeeds).toEqual([{ id: payeeIdFor('rewe markt'), name: 'REWE Markt' }]);
    expect(plan).toMatchObject({ created: 1, updated: 0, ids: [id], blockingLines: [] });
    expect(plan.summary).toEqual({ new: 1, match: 0, duplicate: 0, locked: 0, error: 0 });
  });

  it('updates a manual row it matches instead of adding one, keeping its date', () => {
    const manual = existing({
      id: 'manual',
      date: '2026-03-08',
      amountMinor: -1250,
      notes: 'mine',
    });
    const file = statement([
      { line: 1, date: '2026-03-10', amountMinor: -1250, payee: 'REWE', notes: 'bank' },
    ]);
    const plan = planImport(file, context({ transactions: [manual] }));

    expect(plan.rows[0]).toMatchObject({ status: 'match', matchedId: 'manual' });
    expect(plan.mutations).toEqual([
      {
        modelName: 'transactions',
        operation: 'update',
        data: {
          id: 'manual',
          importedId: plan.rows[0].importedId,
          cleared: true,
          importedPayee: 'REWE',
          payeeId: payeeIdFor('REWE'),
        },
      },
      {
        modelName: 'transactions',
        operation: 'delete',
        data: { id: importedTransactionId(CHECKING, plan.rows[0].importedId as string) },
      },
    ]);
    expect(plan).toMatchObject({ created: 0, updated: 1, ids: ['manual'] });
  });

  it('gives nothing to write when the same file is planned again after applying it', () => {
    const file = statement([
      { line: 1, date: '2026-03-10', amountMinor: -1250, payee: 'REWE' },
      { line: 2, date: '2026-03-11', amountMinor: 5000, payee: 'Salary', bankId: 'FIT-1' },
    ]);
    const first = planImport(
      file,
      context({ transactions: [existing({ id: 'manual', amountMinor: 5000 })] }),
    );
    const rows = applyMutations([existing({ id: 'manual', amountMinor: 5000 })], first.mutations);
    const again = planImport(file, context({ transactions: rows }));

    expect(again.mutations).toEqual([]);
    expect(again.rows.map((row) => row.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.rows[1].matchedId).toBe('manual');
  });

  it('claims the far side of a transfer booked from another account', () => {
    const transfer = existing({
      id: 'move',
      accountId: SAVINGS,
      amountMinor: 10000,
      transferAccountId: CHECKING,
    });
    const file = statement([{ line: 1, date: '2026-03-12', amountMinor: -10000, bankId: 'T-1' }]);
    const plan = planImport(file, context({ transactions: [transfer] }));

    expect(plan.rows[0]).toMatchObject({ status: 'match', matchedId: 'move' });
    expect(plan.mutations).toEqual([
      {
        modelName: 'transactions',
        operation: 'update',
        data: { id: 'move', transferImportedId: 'T-1', transferCleared: true },
      },
      {
        modelName: 'transactions',
        operation: 'delete',
        data: { id: importedTransactionId(CHECKING, 'T-1') },
      },
    ]);
  });
});

describe('planImport with exclusions and errors', () => {
  const file = statement([
    { line: 2, date: '2026-03-10', amountMinor: -1250, payee: 'REWE' },
    {
      line: 3,
      rawDate: '31.02.2026',
      amountMinor: -500,
      error: 'Line 3: 31.02.2026 is not a date',
    },
    { line: 4, date: '2026-03-11', amountMinor: 700, payee: 'Refund', bankId: 'FIT-7' },
  ]);

  it('writes nothing while an error line is not excluded, and names it', () => {
    const plan = planImport(file, context());
    expect(plan.blockingLines).toEqual([3]);
    expect(plan.rows[1]).toEqual({
      line: 3,
      status: 'error',
      rawDate: '31.02.2026',
      amountMinor: -500,
      error: 'Line 3: 31.02.2026 is not a date',
    });
    expect(plan).toMatchObject({ mutations: [], payeeSeeds: [], created: 0, updated: 0, ids: [] });
    // The preview still counts what each line would be.
    expect(plan.summary).toEqual({ new: 2, match: 0, duplicate: 0, locked: 0, error: 1 });
  });

  it('leaves excluded lines out of the writes and the counts, except errors', () => {
    const plan = planImport(file, context(), { excludeLines: [3, 4] });
    expect(plan.blockingLines).toEqual([]);
    expect(plan.mutations.map((m) => m.data['importedPayee'])).toEqual(['REWE']);
    expect(plan.payeeSeeds.map((seed) => seed.name)).toEqual(['REWE']);
    expect(plan.summary).toEqual({ new: 1, match: 0, duplicate: 0, locked: 0, error: 1 });
    expect(plan.created).toBe(1);
    // Every line keeps its row, so the app can show what it left out.
    expect(plan.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'new'],
      [3, 'error'],
      [4, 'new'],
    ]);
  });

  it('ignores excluded line numbers the file does not have', () => {
    expect(planImport(file, context(), { excludeLines: [3, 99] }).created).toBe(2);
  });
});

describe('planImport against stored rows', () => {
  it('does not bring back a deleted imported row', () => {
    const file = statement([{ line: 1, date: '2026-03-10', amountMinor: -1250, bankId: 'FIT-1' }]);
    const tombstone = existing({
      id: importedTransactionId(CHECKING, 'FIT-1'),
      importedId: 'FIT-1',
      deletedAt: '2026-03-12T00:00:00.000Z',
    });
    const plan = planImport(file, context({ transactions: [tombstone] }));
    expect(plan.rows[0]).toMatchObject({ status: 'duplicate', matchedId: tombstone.id });
    expect(plan.mutations).toEqual([]);
  });

  it('never touches a reconciled row it lands on', () => {
    const file = statement([{ line: 1, date: '2026-03-10', amountMinor: -1250, payee: 'REWE' }]);
    const plan = planImport(
      file,
      context({ transactions: [existing({ id: 'done', reconciled: true })] }),
    );
    expect(plan.rows[0]).toMatchObject({ status: 'locked', matchedId: 'done' });
    expect(plan.mutations).toEqual([]);
    expect(plan.summary.locked).toBe(1);
  });

  it('prefers the same payee over a nearer row, and claims each row once', () => {
    const rows = [
      existing({ id: 'near-other', date: '2026-03-10' }),
      existing({ id: 'rewe', date: '2026-03-14', payeeId: 'p-rewe' }),
    ];
    const file = statement([
      { line: 1, date: '2026-03-10', amountMinor: -1250, payee: 'Kiosk' },
      { line: 2, date: '2026-03-10', amountMinor: -1250, payee: 'rewe' },
      { line: 3, date: '2026-03-10', amountMinor: -1250, payee: 'rewe' },
    ]);
    const plan = planImport(
      file,
      context({ transactions: rows, payees: [{ id: 'p-rewe', name: 'REWE' }] }),
    );
    expect(plan.rows.map((row) => [row.status, row.matchedId])).toEqual([
      ['match', 'near-other'],
      ['match', 'rewe'],
      ['new', undefined],
    ]);
    // The matched rows keep their payee; the known payee is used, not seeded.
    expect(plan.payeeSeeds.map((seed) => seed.name)).toEqual(['Kiosk']);
    // Each match is an update plus the tombstone at the line's own id; then the new row.
    expect(plan.mutations.map((m) => m.operation)).toEqual([
      'update',
      'delete',
      'update',
      'delete',
      'create',
    ]);
    expect(plan.mutations[4].data['payeeId']).toBe('p-rewe');
  });

  it('compares payees after merges in the same-payee pass', () => {
    const rows = [
      existing({ id: 'nearer', date: '2026-03-10' }),
      existing({ id: 'merged-payee', date: '2026-03-15', payeeId: 'p-old' }),
    ];
    const payees = [
      { id: 'p-old', name: 'Shop', mergedIntoId: 'p-new' },
      { id: 'p-new', name: 'Store' },
    ];
    const file = statement([{ line: 1, date: '2026-03-10', amountMinor: -1250, payee: 'STORE' }]);
    expect(planImport(file, context({ transactions: rows, payees })).rows[0].matchedId).toBe(
      'merged-payee',
    );
  });

  it('books a QIF category and transfer by name', () => {
    const file = statement(
      [
        {
          line: 5,
          date: '2026-03-10',
          amountMinor: -900,
          payee: 'Market',
          categoryName: 'shopping',
          categoryGroup: 'Usual Expenses',
        },
        { line: 9, date: '2026-03-11', amountMinor: -10000, transferAccountName: 'Savings' },
        { line: 12, date: '2026-03-12', amountMinor: -3000, transferAccountName: 'Dollars' },
      ],
      'qif',
    );
    const plan = planImport(
      file,
      context({ categories: [{ id: 'shop', name: 'Shopping', groupName: 'Usual Expenses' }] }),
    );
    expect(plan.mutations.map((m) => [m.data['categoryId'], m.data['transferAccountId']])).toEqual([
      ['shop', undefined],
      [undefined, SAVINGS],
      // Another currency: a plain row, not a transfer with an amount the other account never booked.
      [undefined, undefined],
    ]);
  });
});
