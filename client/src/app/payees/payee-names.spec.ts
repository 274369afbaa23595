import { indexPayees } from '../data/views/payee-index';
import { payeeRow } from '../testing/rows';
import { renameProblem, transactionCount } from './payee-names';

describe('payee names', () => {
  const bakery = payeeRow({ name: 'Bakery' });
  const old = payeeRow({ name: 'Old name', mergedIntoId: bakery.id });
  const gym = payeeRow({ name: 'Gym' });
  const index = indexPayees([bakery, old, gym], []);

  it('refuses empty, too long and taken names, in any spelling', () => {
    expect(renameProblem(index, gym.id, '  ')).toBe('Enter a name.');
    expect(renameProblem(index, gym.id, 'x'.repeat(201))).toBe('Use at most 200 characters.');
    expect(renameProblem(index, gym.id, ' BAKERY ')).toBe(
      'Another payee is called Bakery: merge the two instead.',
    );
  });

  it("accepts a payee's own name in another case, and a merged payee's old name", () => {
    expect(renameProblem(index, gym.id, 'GYM')).toBeNull();
    expect(renameProblem(index, gym.id, 'Old name')).toBeNull();
  });

  it('counts transactions in words', () => {
    expect(transactionCount(1)).toBe('1 transaction');
    expect(transactionCount(0)).toBe('0 transactions');
  });
});
