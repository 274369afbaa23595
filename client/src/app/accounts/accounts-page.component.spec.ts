import { accountGroupRow, accountRow, transactionRow } from '../testing/rows';
import { renderPage } from '../testing/page-harness';
import { AccountsPageComponent } from './accounts-page.component';

describe('AccountsPageComponent', () => {
  const everyday = accountGroupRow({ name: 'Everyday' });
  const giro = accountRow({ name: 'Giro', groupId: everyday.id, currency: 'EUR' });
  const card = accountRow({
    name: 'US card',
    groupId: everyday.id,
    currency: 'USD',
    sortOrder: 20,
  });
  const seed = {
    account_groups: [everyday],
    accounts: [giro, card],
    transactions: [
      transactionRow({ accountId: giro.id, amountMinor: 123_456 }),
      transactionRow({ accountId: card.id, amountMinor: -2_000 }),
    ],
  };

  it('shows accounts under their group with balances in their own currency and net worth per currency', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });

    const group = page.element.querySelector('[aria-label="Everyday"]');
    expect(group?.textContent).toContain('Giro');
    expect(group?.textContent).toContain('€1,234.56');
    expect(group?.textContent).toContain('-$20.00');
    const netWorth = [...page.element.querySelectorAll('[data-test="net-worth"]')].map((node) =>
      node.textContent?.trim(),
    );
    expect(netWorth).toEqual(['€1,234.56', '-$20.00']);
    expect(page.element.querySelector('a[href$="/accounts/' + giro.id + '"]')).not.toBeNull();
  });

  it('opens an account with the schema-checked fields', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });

    await page.click('Open account');
    expect(page.text()).toContain('Name must not be empty.');

    await page.type('Name', 'Savings');
    await page.type('Currency', 'chf');
    await page.type('Group', everyday.id);
    await page.click('Open account');

    const created = [...(page.client.rows.get('accounts')?.values() ?? [])].find(
      (row) => row['name'] === 'Savings',
    );
    expect(created).toMatchObject({
      currency: 'CHF',
      groupId: everyday.id,
      type: 'checking',
      onBudget: true,
      closed: false,
      sortOrder: 30,
    });
  });

  it('offers the household currency but keeps what the user typed when accounts change', async () => {
    const page = await renderPage(AccountsPageComponent, {
      seed: { accounts: [accountRow({ currency: 'CHF' })] },
    });
    expect(page.byLabel('Currency').value).toBe('CHF');

    await page.type('Name', 'Half typed');
    page.client.seed('accounts', [accountRow({ name: 'From another device', currency: 'CHF' })]);
    await page.settle();
    expect(page.byLabel('Name').value).toBe('Half typed');
  });

  it('refuses an unknown currency with the shared message', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });
    await page.type('Name', 'Odd');
    await page.type('Currency', 'XYZ');
    await page.click('Open account');
    expect(page.text()).toContain('Currency is not a known ISO-4217 currency.');
  });

  it('adds a group and edits an account in place, sending only the change', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });
    await page.type('Group name', 'Savings');
    await page.click('Add group');
    expect(
      [...(page.client.rows.get('account_groups')?.values() ?? [])].map((row) => row['name']),
    ).toContain('Savings');

    await page.click(/^Edit Giro/);
    const editor = page.element.querySelector('fw-account-form.account-list__editor');
    const name = editor?.querySelector<HTMLInputElement>('input[type="text"]');
    if (!name) {
      throw new Error('no editor');
    }
    name.value = 'Giro (joint)';
    name.dispatchEvent(new Event('input'));
    await page.settle();
    await page.click('Save account');

    expect(page.client.calls).toContain(`update accounts ${giro.id} {"name":"Giro (joint)"}`);
  });
});
