import { budgetCellId } from '../core/ids';
import { category, cell } from '../../testing/fixtures';
import { copyLastMonth } from './copy-last-month';

const salary = category('salary', { isIncome: true });
const rent = category('rent');
const fun = category('fun', { hidden: true });
const gym = category('gym');
const old = category('old', { deletedAt: 'gone' });

describe('copyLastMonth', () => {
  it('gives each live expense category last month’s typed amount, writing only what changes', () => {
    const budgets = [
      cell(rent.id, '2026-01', 120000),
      cell(fun.id, '2026-01', 10000),
      cell(salary.id, '2026-01', 5),
      cell(old.id, '2026-01', 7),
      cell(rent.id, '2026-02', 120000),
      cell(gym.id, '2026-02', 3000),
    ];
    expect(
      copyLastMonth({ month: '2026-02', budgets, categories: [salary, rent, fun, gym, old] }),
    ).toEqual([
      {
        modelName: 'budgets',
        operation: 'create',
        data: {
          id: budgetCellId(fun.id, '2026-02'),
          categoryId: fun.id,
          month: '2026-02',
          budgetedMinor: 10000,
        },
      },
      {
        modelName: 'budgets',
        operation: 'update',
        data: { id: budgetCellId(gym.id, '2026-02'), budgetedMinor: 0 },
      },
    ]);
  });
});
