import { category } from '../../testing/fixtures';
import { setCarryOverspending } from './set-carry-overspending';

describe('setCarryOverspending', () => {
  it('updates the category flag, only when it changes', () => {
    const debt = category('card debt');
    expect(setCarryOverspending(debt, true)).toEqual([
      {
        modelName: 'categories',
        operation: 'update',
        data: { id: debt.id, carryOverspending: true },
      },
    ]);
    expect(setCarryOverspending(debt, false)).toEqual([]);
    expect(setCarryOverspending({ ...debt, carryOverspending: null }, false)).toEqual([]);
  });
});
