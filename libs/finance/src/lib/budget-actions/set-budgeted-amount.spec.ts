import { budgetCellId } from '../core/ids';
import { cell, id } from '../../testing/fixtures';
import { setBudgetedAmount } from './set-budgeted-amount';

const rent = id('rent');

describe('setBudgetedAmount', () => {
  it('creates a new cell with the deterministic id', () => {
    expect(
      setBudgetedAmount({ categoryId: rent, month: '2026-03', budgetedMinor: 120000, budgets: [] }),
    ).toEqual([
      {
        modelName: 'budgets',
        operation: 'create',
        data: {
          id: budgetCellId(rent, '2026-03'),
          categoryId: rent,
          month: '2026-03',
          budgetedMinor: 120000,
        },
      },
    ]);
  });

  it('updates only the amount of an existing cell', () => {
    const budgets = [cell(rent, '2026-03', 100000)];
    expect(
      setBudgetedAmount({ categoryId: rent, month: '2026-03', budgetedMinor: 0, budgets }),
    ).toEqual([
      { modelName: 'budgets', operation: 'update', data: { id: budgets[0].id, budgetedMinor: 0 } },
    ]);
  });

  it('writes nothing when the cell already holds the amount (an absent cell holds 0)', () => {
    const budgets = [cell(rent, '2026-03', 100000)];
    expect(
      setBudgetedAmount({ categoryId: rent, month: '2026-03', budgetedMinor: 100000, budgets }),
    ).toEqual([]);
    expect(
      setBudgetedAmount({ categoryId: rent, month: '2026-04', budgetedMinor: 0, budgets }),
    ).toEqual([]);
  });

  it('refuses fractions and malformed months', () => {
    expect(() =>
      setBudgetedAmount({ categoryId: rent, month: '2026-03', budgetedMinor: 10.5, budgets: [] }),
    ).toThrow(RangeError);
    expect(() =>
      setBudgetedAmount({ categoryId: rent, month: '2026-3', budgetedMinor: 10, budgets: [] }),
    ).toThrow(RangeError);
  });
});
