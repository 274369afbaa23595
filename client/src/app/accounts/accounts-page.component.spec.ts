import { settingsId } from '@finwise/finance';
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

  it('offers the budget currency but keeps what the user typed when accounts change', async () => {
    const page = await renderPage(AccountsPageComponent, {
      seed: {
        accounts: [accountRow({ currency: 'EUR' })],
        settings: [{ id: settingsId(), budgetCurrency: 'CHF', locale: null }],
      },
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

  it('keeps the currency of an account that holds transactions, and edits its note', async () => {
    const empty = accountRow({ name: 'Empty', groupId: everyday.id, sortOrder: 30 });
    const page = await renderPage(AccountsPageComponent, {
      seed: { ...seed, accounts: [giro, card, empty] },
    });
    await page.click(/^Edit Giro/);
    const editor = page.within('fw-account-form.account-list__editor');
    expect(editor.byLabel('Currency').hasAttribute('disabled')).toBe(true);
    expect(editor.text()).toContain(
      'The currency stays EUR: this account holds 1 transaction in it. Open a new account for another currency.',
    );

    await editor.type(/^Note/, 'Joint account, IBAN ends 4711');
    await editor.click('Save account');
    expect(page.client.calls).toContain(
      `update accounts ${giro.id} {"note":"Joint account, IBAN ends 4711"}`,
    );
    expect(page.text()).toContain('Joint account, IBAN ends 4711');

    await page.click(/^Edit Empty/);
    expect(
      page
        .within('fw-account-form.account-list__editor')
        .byLabel('Currency')
        .hasAttribute('disabled'),
    ).toBe(false);
  });

  it('reorders accounts within their group', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });
    await page.click(/^↑Move US card up/);
    expect(page.client.calls).toContain(`update accounts ${card.id} {"sortOrder":10}`);
    expect(page.client.calls).toContain(`update accounts ${giro.id} {"sortOrder":20}`);
    const names = [...page.element.querySelectorAll('.account-list__name')].map((node) =>
      node.textContent?.trim(),
    );
    expect(names).toEqual(['US card', 'Giro']);
  });

  it('deletes an account only after a warning, with what is booked on it', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });
    await page.click(/^Delete Giro/);
    expect(page.text()).toContain(
      'Delete Giro and its 1 transaction? To keep the history, close the account instead.',
    );
    expect(page.client.calls.some((call) => call.startsWith('delete'))).toBe(false);
    await page.click(/^Cancel deleting Giro/);
    expect(page.text()).not.toContain('Delete Giro and its');

    await page.click(/^Delete Giro/);
    await page.click(/^Confirm delete Giro/);
    const [booked] = seed.transactions;
    expect(page.client.calls).toContain(`delete transactions ${booked.id}`);
    expect(page.client.calls).toContain(`delete accounts ${giro.id}`);
    expect(page.element.querySelector('[aria-label="Everyday"]')?.textContent).not.toContain(
      'Giro',
    );
  });

  it('renames, reorders and deletes account groups; the accounts of a deleted group stay', async () => {
    const savings = accountGroupRow({ name: 'Savings', sortOrder: 20 });
    const page = await renderPage(AccountsPageComponent, {
      seed: { ...seed, account_groups: [everyday, savings] },
    });
    await page.click(/^Rename group Everyday/);
    await page.type('New name for Everyday', '');
    await page.click('Save name');
    expect(page.text()).toContain('Group name must not be empty.');
    await page.type('New name for Everyday', 'Daily');
    await page.click('Save name');
    expect(page.client.calls).toContain(`update account_groups ${everyday.id} {"name":"Daily"}`);

    await page.click(/^↑Move group Savings up/);
    expect(page.client.calls).toContain(`update account_groups ${savings.id} {"sortOrder":10}`);
    const headings = [...page.element.querySelectorAll('fw-account-group-header h2')].map((node) =>
      node.textContent?.trim(),
    );
    expect(headings).toEqual(['Savings', 'Daily']);

    await page.click(/^Delete group Daily/);
    expect(page.text()).toContain('Its 2 accounts move to Other accounts; no money is deleted.');
    await page.click(/^Confirm delete group Daily/);
    expect(page.client.calls).toContain(`update accounts ${giro.id} {"groupId":null}`);
    expect(page.client.calls).toContain(`delete account_groups ${everyday.id}`);
    expect(page.element.querySelector('[aria-label="Other accounts"]')?.textContent).toContain(
      'Giro',
    );
  });
});
