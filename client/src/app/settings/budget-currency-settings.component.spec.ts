import { settingsId } from '@finwise/finance';
import { accountRow } from '../testing/rows';
import { renderPage } from '../testing/page-harness';
import { SettingsPageComponent } from './settings-page.component';

describe('BudgetCurrencySettingsComponent', () => {
  const euro = accountRow({ name: 'Giro', currency: 'EUR' });
  const dollar = accountRow({ name: 'US card', currency: 'USD' });

  it('starts at EUR without a settings row and creates the row with the fixed id', async () => {
    const page = await renderPage(SettingsPageComponent, { seed: { accounts: [euro, dollar] } });
    const select = page.byLabel<HTMLSelectElement>('Budget currency');
    expect(select.value).toBe('EUR');
    expect(page.text()).toContain('Left out with EUR: US card (USD).');

    await page.type('Budget currency', 'USD');
    expect(page.text()).toContain('Left out with USD: Giro (EUR).');
    await page.click('Save budget currency');
    expect(page.client.rows.get('settings')?.get(settingsId())).toMatchObject({
      id: settingsId(),
      budgetCurrency: 'USD',
    });
    expect(page.text()).toContain('The budget is now in USD.');
    expect(page.text()).toContain('Signed in as ada@example.com');

    // A new choice clears the last save's message.
    await page.type('Budget currency', 'GBP');
    expect(page.text()).not.toContain('The budget is now in USD.');
  });

  it('shows the stored currency and changes only that field of the row', async () => {
    const page = await renderPage(SettingsPageComponent, {
      seed: { settings: [{ id: settingsId(), budgetCurrency: 'CHF', locale: 'de-CH' }] },
    });
    expect(page.byLabel<HTMLSelectElement>('Budget currency').value).toBe('CHF');
    expect(
      page.element.querySelector<HTMLButtonElement>('.budget-settings button[type="submit"]')
        ?.disabled,
    ).toBe(true);
    await page.type('Budget currency', 'JPY');
    await page.click('Save budget currency');
    expect(page.client.calls).toContain(`update settings ${settingsId()} {"budgetCurrency":"JPY"}`);
  });
});
