import { indexPayees } from '../data/views/payee-index';
import { payeeRow, transactionRow } from '../testing/rows';
import { payeeOptions } from './payee-options';

describe('payeeOptions', () => {
  const bakery = payeeRow({ name: 'Bakery' });
  const bank = payeeRow({ name: 'Bank fees' });
  const kebab = payeeRow({ name: 'Kebab bar', favorite: true });
  const oldBakery = payeeRow({ name: 'Old bakery' });
  const merged = payeeRow({ name: 'Bäckerei', mergedIntoId: bakery.id });
  const unused = payeeRow({ name: 'Barber' });
  const uses = (payeeId: string, times: number) =>
    Array.from({ length: times }, () => transactionRow({ accountId: 'a', payeeId }));
  const index = indexPayees(
    [bakery, bank, kebab, oldBakery, merged, unused],
    [...uses(bank.id, 3), ...uses(bakery.id, 1), ...uses(merged.id, 1), ...uses(oldBakery.id, 1)],
  );
  const names = (text: string) => payeeOptions(index, text).map((option) => option.name);

  it('lists names starting with the text before names containing it, favorites and most used first', () => {
    expect(names('ba')).toEqual(['Bank fees', 'Bakery', 'Kebab bar', 'Old bakery', 'ba']);
    expect(names('')).toEqual(['Kebab bar', 'Bank fees', 'Bakery', 'Old bakery']);
  });

  it('never suggests a merged payee under its old name, nor one no row uses', () => {
    expect(names('bäck')).toEqual(['bäck']);
    expect(names('barb')).toEqual(['barb']);
  });

  it('finds the unused payee when its whole name is typed, and offers no create then', () => {
    expect(payeeOptions(index, ' barber ').map((option) => [option.kind, option.name])).toEqual([
      ['payee', 'Barber'],
    ]);
    expect(payeeOptions(index, 'BÄCKEREI').map((option) => [option.kind, option.name])).toEqual([
      ['payee', 'Bakery'],
    ]);
  });

  it('offers to create a new name, tidied', () => {
    expect(payeeOptions(index, '  Fish   market ').at(-1)).toEqual({
      kind: 'create',
      id: 'create',
      name: 'Fish market',
    });
  });
});
