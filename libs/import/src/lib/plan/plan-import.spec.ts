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
    ]);
  });
});
