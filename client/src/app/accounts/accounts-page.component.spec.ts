import { payeeIdFor, settingsId, startingBalancesCategory } from '@finwise/finance';
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

  it('offers "Add an account" on an empty page, which takes the user to the new account', async () => {
    const page = await renderPage(AccountsPageComponent);
    const empty = page.element.querySelector('[data-test="accounts-empty"]');
    expect(empty?.textContent).toContain('No accounts yet');
    await page.click('Add an account');
    expect(document.activeElement).toBe(page.byLabel('Name'));
  });

  it('books a starting balance as cleared income in "Starting balances", creating the category and payee', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });
    await page.type('Name', 'Savings');
    await page.type(/^Starting balance/, '1,500.25');
    await page.type('Balance on', '2026-12-01');
    await page.click('Open account');

    const account = [...(page.client.rows.get('accounts')?.values() ?? [])].find(
      (row) => row['name'] === 'Savings',
    );
    const booked = [...(page.client.rows.get('transactions')?.values() ?? [])].filter(
      (row) => row['accountId'] === account?.id,
    );
    expect(booked).toEqual([
      expect.objectContaining({
        amountMinor: 150_025,
        date: '2026-12-01',
        cleared: true,
        reconciled: false,
        payeeId: payeeIdFor('Starting balance'),
        categoryId: startingBalancesCategory().id,
      }),
    ]);
    expect(page.client.rows.get('categories')?.get(startingBalancesCategory().id)).toMatchObject({
      name: 'Starting balances',
      isIncome: true,
    });
    expect(page.client.rows.get('payees')?.get(payeeIdFor('Starting balance'))).toMatchObject({
      name: 'Starting balance',
    });
  });

  it('asks a credit card for the amount owed and stores it negative, without a category off budget', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });
    await page.type('Name', 'Visa');
    await page.type('Type', 'credit');
    expect(page.text()).toContain('Amount owed');
    await page.type(/^Amount owed/, '320');
    page.byLabel('Counts towards the budget').click();
    await page.settle();
    await page.click('Open account');

    const account = [...(page.client.rows.get('accounts')?.values() ?? [])].find(
      (row) => row['name'] === 'Visa',
    );
    expect(account).toMatchObject({ type: 'credit', onBudget: false });
    const booked = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['accountId'] === account?.id,
    );
    expect(booked).toMatchObject({ amountMinor: -32_000, categoryId: null, cleared: true });
  });

  it('says a starting balance that is not a number is wrong and writes nothing; the message goes once it is fixed', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });
    await page.type('Name', 'Savings');
    await page.type(/^Starting balance/, 'lots');
    await page.click('Open account');

    expect(page.text()).toContain('Enter a number such as -12.50.');
    expect(page.byLabel(/^Starting balance/).getAttribute('aria-invalid')).toBe('true');
    expect(page.client.calls.filter((call) => call.startsWith('create'))).toEqual([]);

    await page.type(/^Starting balance/, '12');
    expect(page.text()).not.toContain('Enter a number such as -12.50.');
    expect(page.byLabel(/^Starting balance/).getAttribute('aria-invalid')).toBeNull();
  });

  it('drops the currency message as soon as the code is corrected', async () => {
    const page = await renderPage(AccountsPageComponent, { seed });
    await page.type('Name', 'Savings');
    await page.type('Currency', 'EU');
    await page.click('Open account');
    const message = page.element.querySelector('[id$="-currency-error"]')?.textContent;
    expect(message).toBeTruthy();

    await page.type('Currency', 'EUR');
    expect(page.element.querySelector('[id$="-currency-error"]')).toBeNull();
    expect(page.client.calls.filter((call) => call.startsWith('create'))).toEqual([]);
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
