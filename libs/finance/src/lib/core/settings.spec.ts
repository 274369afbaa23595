import { settingsId } from './ids';
import { budgetCurrencyOf } from './settings';

describe('budgetCurrencyOf', () => {
  it('is EUR without a settings row', () => {
    expect(budgetCurrencyOf([])).toBe('EUR');
  });

  it('reads the row with the settings id only', () => {
    expect(
      budgetCurrencyOf([
        { id: 'f0000000-0000-4000-8000-000000000000', budgetCurrency: 'CHF' },
        { id: settingsId(), budgetCurrency: 'USD' },
      ]),
    ).toBe('USD');
    expect(
      budgetCurrencyOf([{ id: 'f0000000-0000-4000-8000-000000000000', budgetCurrency: 'CHF' }]),
    ).toBe('EUR');
  });
});
