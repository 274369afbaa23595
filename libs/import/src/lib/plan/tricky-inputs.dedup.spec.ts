/** Research §3.7, the dedup row: two identical CSV rows (same date, amount, payee). */
import { CHECKING, applyMutations, context, statement } from '../../testing/dedup-fixtures';
import { importedTransactionId } from '../ids/imported-transaction-id';
import { syntheticImportedId } from '../ids/synthetic-imported-ids';
import { planImport } from './plan-import';

describe('tricky input 30: two identical CSV rows', () => {
  const file = statement([
    { line: 2, date: '2026-03-10', rawDate: '10.03.2026', amountMinor: -450, payee: 'Bäckerei' },
    { line: 3, date: '2026-03-10', rawDate: '10.03.2026', amountMinor: -450, payee: 'Bäckerei' },
  ]);
  const k1 = syntheticImportedId(CHECKING, '2026-03-10', -450, 'Bäckerei', 1);
  const k2 = syntheticImportedId(CHECKING, '2026-03-10', -450, 'Bäckerei', 2);

  it('become two transactions with the synthetic ids for k=1 and k=2', () => {
    const plan = planImport(file, context());
    expect(plan.rows.map((row) => [row.status, row.importedId])).toEqual([
      ['new', k1],
      ['new', k2],
    ]);
    expect(plan.mutations.map((m) => [m.operation, m.data.id, m.data['importedId']])).toEqual([
      ['create', importedTransactionId(CHECKING, k1), k1],
      ['create', importedTransactionId(CHECKING, k2), k2],
    ]);
    expect(plan.created).toBe(2);
  });

  it('and importing the file again adds nothing: every row is a duplicate', () => {
    const rows = applyMutations([], planImport(file, context()).mutations);
    const again = planImport(file, context({ transactions: rows }));
    expect(again.rows.map((row) => [row.status, row.matchedId])).toEqual([
      ['duplicate', importedTransactionId(CHECKING, k1)],
      ['duplicate', importedTransactionId(CHECKING, k2)],
    ]);
    expect(again.mutations).toEqual([]);
    expect(again.summary).toEqual({ new: 0, match: 0, duplicate: 2, locked: 0, error: 0 });
    expect(again).toMatchObject({ created: 0, updated: 0, ids: [], payeeSeeds: [] });
  });
});
