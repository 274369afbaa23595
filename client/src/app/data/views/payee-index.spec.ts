import { payeeIdFor } from '@finwise/finance';
import { payeeRow, transactionRow } from '../../testing/rows';
import { findPayeeByName, indexPayees, payeeName } from './payee-index';

describe('payee index', () => {
  const bakery = payeeRow({ name: 'Bakery' });
  const corner = payeeRow({ name: 'Corner shop', mergedIntoId: bakery.id });
  const landlord = payeeRow({ name: 'Landlord' });
  const gym = payeeRow({ name: 'Gym', favorite: true });
  const unused = payeeRow({ name: 'Old dentist' });
  const payees = [bakery, corner, landlord, gym, unused];
  const row = (payeeId: string, date: string, categoryId: string | null = null) =>
    transactionRow({ accountId: 'a', payeeId, date, categoryId });

  it('resolves merged payees and counts their rows for the payee they follow', () => {
    const index = indexPayees(payees, [
      row(corner.id, '2026-01-01'),
      row(bakery.id, '2026-01-02'),
      row(landlord.id, '2026-01-03'),
    ]);

    expect(payeeName(index, corner.id)).toBe('Bakery');
    expect(payeeName(index, null)).toBeNull();
    expect(index.byId.has(corner.id)).toBe(false);
    expect(index.byId.get(bakery.id)?.useCount).toBe(2);
    expect(index.byId.get(bakery.id)?.mergedFrom).toEqual([corner]);
    expect(index.merged.map((entry) => [entry.payee.name, entry.into?.payee.name])).toEqual([
      ['Corner shop', 'Bakery'],
    ]);
  });

  it('suggests favorites first, then by use, and leaves out payees no row uses', () => {
    const index = indexPayees(payees, [
      row(landlord.id, '2026-01-01'),
      row(landlord.id, '2026-01-02'),
      row(bakery.id, '2026-01-03'),
    ]);
    expect(index.suggestions.map((summary) => summary.payee.name)).toEqual([
      'Gym',
      'Landlord',
      'Bakery',
    ]);
  });

  it('remembers the category of the newest categorised row of a payee, merged ones included', () => {
    const index = indexPayees(payees, [
      row(bakery.id, '2026-01-01', 'old-category'),
      row(corner.id, '2026-02-01', 'new-category'),
      row(bakery.id, '2026-03-01', null),
    ]);
    expect(index.byId.get(bakery.id)?.lastCategoryId).toBe('new-category');
  });

  it('finds a payee by its shown name, its original name, or a merged name, in any spelling', () => {
    const renamed = payeeRow({ id: payeeIdFor('Rewe'), name: 'REWE Markt' });
    const index = indexPayees([...payees, renamed], []);

    expect(findPayeeByName(index, '  bakery ')?.payee.id).toBe(bakery.id);
    expect(findPayeeByName(index, 'rewe markt')?.payee.id).toBe(renamed.id);
    expect(findPayeeByName(index, 'Rewe')?.payee.id).toBe(renamed.id);
    expect(findPayeeByName(index, 'corner  SHOP')?.payee.id).toBe(bakery.id);
    expect(findPayeeByName(index, 'Someone new')).toBeUndefined();
    expect(findPayeeByName(index, '   ')).toBeUndefined();
  });
});
