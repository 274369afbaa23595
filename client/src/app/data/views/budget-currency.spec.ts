import { accountRow } from '../../testing/rows';
import { budgetCurrency } from './budget-currency';

describe('budgetCurrency', () => {
  const checking = accountRow({ currency: 'EUR', onBudget: true });
  const broker = accountRow({ name: 'Broker', currency: 'EUR', onBudget: false });
  const travel = accountRow({ name: 'Travel card', currency: 'USD', onBudget: true });
  const accounts = [checking, broker, travel];

  it('picks the currency most on-budget accounts use', () => {
    expect(budgetCurrency(accounts)).toBe('EUR');
    expect(budgetCurrency([])).toBe('EUR');
    expect(budgetCurrency([travel])).toBe('USD');
  });
});
