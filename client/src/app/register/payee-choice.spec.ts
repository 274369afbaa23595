import { payeeIdFor } from '@finwise/finance';
import { indexPayees } from '../data/views/payee-index';
import { payeeRow, transactionRow } from '../testing/rows';
import { choosePayee, payeeCategory } from './payee-choice';

describe('choosePayee', () => {
  const bakery = payeeRow({ name: 'Bakery', defaultCategoryId: 'food' });
  const corner = payeeRow({ name: 'Corner shop', mergedIntoId: bakery.id });
  const payees = [bakery, corner];
  const index = indexPayees(payees, [
    transactionRow({ accountId: 'a', payeeId: corner.id, categoryId: 'snacks' }),
  ]);

  it('creates a new payee with the id of its normalised name, the same on every device', () => {
    const choice = choosePayee('  Fish   Market ', index, payees);
    expect(choice).toEqual({
      ok: true,
      payeeId: payeeIdFor('fish market'),
      mutations: [
        {
          modelName: 'payees',
          operation: 'create',
          data: { id: payeeIdFor('fish market'), name: 'Fish Market', favorite: false },
        },
      ],
    });
    expect(choosePayee('fish market', index, payees)).toMatchObject({
      payeeId: payeeIdFor('Fish Market'),
    });
  });

  it('uses the existing payee, and keeps a row on its merged payee when the name still means it', () => {
    expect(choosePayee('BAKERY', index, payees)).toEqual({
      ok: true,
      payeeId: bakery.id,
      mutations: [],
    });
    expect(choosePayee('Bakery', index, payees, corner.id)).toEqual({
      ok: true,
      payeeId: corner.id,
      mutations: [],
    });
  });

  it('leaves the payee empty for blank text and refuses a name that is too long', () => {
    expect(choosePayee('   ', index, payees)).toEqual({ ok: true, payeeId: null, mutations: [] });
    expect(choosePayee('x'.repeat(201), index, payees)).toEqual({
      ok: false,
      error: 'A payee name must be at most 200 characters.',
    });
  });

  it("brings the payee's default category, else the one its newest row used", () => {
    expect(payeeCategory(index, 'corner shop')).toBe('food');
    const noDefault = indexPayees(
      [{ ...bakery, defaultCategoryId: null }, corner],
      [transactionRow({ accountId: 'a', payeeId: corner.id, categoryId: 'snacks' })],
    );
    expect(payeeCategory(noDefault, 'Bakery')).toBe('snacks');
    expect(payeeCategory(noDefault, 'Nobody')).toBeNull();
  });
});
