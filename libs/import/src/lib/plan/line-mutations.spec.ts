import { CHECKING, SAVINGS, existing } from '../../testing/dedup-fixtures';
import { importedSplitLineId, importedTransactionId } from '../ids/imported-transaction-id';
import { matchMutation, newLineMutations } from './line-mutations';

describe('newLineMutations', () => {
  it('writes a QIF split as a parent keeping the bank total, then its children', () => {
    const parentId = importedTransactionId(CHECKING, 'syn:1');
    const mutations = newLineMutations(
      CHECKING,
      {
        line: 4,
        date: '2026-03-10',
        amountMinor: -3000,
        payee: 'Market',
        categoryName: 'Food',
        cleared: false,
        splits: [
          { amountMinor: -2000, categoryName: 'Food', notes: 'veg' },
          { amountMinor: -1000, transferAccountName: 'Savings' },
        ],
      },
      'syn:1',
      {
        payeeId: 'p',
        categoryId: 'food',
        splits: [{ categoryId: 'food' }, { transferAccountId: SAVINGS }],
      },
    );
    expect(mutations.map((m) => [m.operation, m.data])).toEqual([
      [
        'create',
        {
          id: parentId,
          accountId: CHECKING,
          date: '2026-03-10',
          amountMinor: -3000,
          cleared: false,
          reconciled: false,
          payeeId: 'p',
          importedId: 'syn:1',
          importedPayee: 'Market',
        },
      ],
      [
        'create',
        {
          id: importedSplitLineId(parentId, 1),
          accountId: CHECKING,
          date: '2026-03-10',
          amountMinor: -2000,
          cleared: false,
          reconciled: false,
          parentId,
          categoryId: 'food',
          notes: 'veg',
        },
      ],
      [
        'create',
        {
          id: importedSplitLineId(parentId, 2),
          accountId: CHECKING,
          date: '2026-03-10',
          amountMinor: -1000,
          cleared: false,
          reconciled: false,
          parentId,
          transferAccountId: SAVINGS,
        },
      ],
    ]);
  });

  it('cuts bank text to 500 characters and leaves out blank text', () => {
    const [create] = newLineMutations(
      CHECKING,
      { line: 1, date: '2026-03-10', amountMinor: 1, payee: 'p'.repeat(600), notes: '  ' },
      'FIT-1',
      {},
    );
    expect(create.data['importedPayee']).toBe('p'.repeat(500));
    expect('notes' in create.data).toBe(false);
  });

  it('drops U+0000, which text fields refuse', () => {
    const [create] = newLineMutations(
      CHECKING,
      { line: 1, date: '2026-03-10', amountMinor: 1, payee: 'SHOP\u0000\u0000', notes: '\u0000' },
      'FIT-1',
      {},
    );
    expect(create.data['importedPayee']).toBe('SHOP');
    expect('notes' in create.data).toBe(false);
  });

  it('books a QIF transfer with a category-free row pointing at the other account', () => {
    const [create] = newLineMutations(
      CHECKING,
      { line: 1, date: '2026-03-10', amountMinor: -500, transferAccountName: 'Savings' },
      'syn:2',
      { transferAccountId: SAVINGS },
    );
    expect(create.data).toMatchObject({ transferAccountId: SAVINGS, cleared: true });
    expect('categoryId' in create.data).toBe(false);
  });
});

describe('matchMutation', () => {
  const line = {
    line: 1,
    date: '2026-03-12',
    amountMinor: -1250,
    payee: 'REWE 123',
    notes: 'card',
  };
  const references = { payeeId: 'rewe', categoryId: 'food' };

  it('fills only what the row lacks and never moves its date', () => {
    const row = existing({ id: 'manual', payeeId: 'mine', notes: null, categoryId: 'fun' });
    const update = matchMutation(
      line,
      'FIT-1',
      { row, side: 'own', distance: 2, reconciled: false },
      references,
    );
    expect(update).toEqual({
      modelName: 'transactions',
      operation: 'update',
      data: {
        id: 'manual',
        importedId: 'FIT-1',
        cleared: true,
        importedPayee: 'REWE 123',
        notes: 'card',
      },
    });
  });

  it('takes payee and category when the row has none', () => {
    const row = existing({ id: 'manual', notes: 'typed' });
    const update = matchMutation(
      line,
      'FIT-1',
      { row, side: 'own', distance: 0, reconciled: false },
      references,
    );
    expect(update.data).toEqual({
      id: 'manual',
      importedId: 'FIT-1',
      cleared: true,
      importedPayee: 'REWE 123',
      payeeId: 'rewe',
      categoryId: 'food',
    });
  });

  it("sets only the far side's bank id and cleared flag on a transfer leg", () => {
    const row = existing({
      id: 'move',
      accountId: SAVINGS,
      amountMinor: 1250,
      transferAccountId: CHECKING,
    });
    const update = matchMutation(
      line,
      'FIT-1',
      { row, side: 'transfer', distance: 2, reconciled: false },
      references,
    );
    expect(update.data).toEqual({ id: 'move', transferImportedId: 'FIT-1', transferCleared: true });
  });
});
