import { payeeIdFor } from '@finwise/finance';
import { accountRow, categoryRow, payeeRow, transactionRow } from '../testing/rows';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { RegisterPageComponent } from './register-page.component';

describe('RegisterPageComponent', () => {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const savings = accountRow({ name: 'Savings', currency: 'EUR' });
  const groceries = categoryRow({ name: 'Groceries' });
  const employer = payeeRow({ name: 'Employer' });
  const bakeryPayee = payeeRow({ name: 'Bakery' });
  const movePayee = payeeRow({ name: 'Move' });
  const salary = transactionRow({
    accountId: checking.id,
    payeeId: employer.id,
    amountMinor: 250_000,
    date: '2026-01-01',
    cleared: true,
  });
  const bakery = transactionRow({
    accountId: checking.id,
    payeeId: bakeryPayee.id,
    amountMinor: -450,
    date: '2026-01-03',
    categoryId: groceries.id,
  });
  const transfer = transactionRow({
    accountId: savings.id,
    transferAccountId: checking.id,
    payeeId: movePayee.id,
    amountMinor: -10_000,
    date: '2026-01-02',
  });

  let page: PageHarness<RegisterPageComponent>;

  beforeEach(async () => {
    page = await renderPage(RegisterPageComponent, {
      seed: {
        accounts: [checking, savings],
        categories: [groceries],
        payees: [employer, bakeryPayee, movePayee],
        transactions: [salary, bakery, transfer],
      },
      inputs: { accountId: checking.id },
    });
  });

  function rows(): string[] {
    return [...page.element.querySelectorAll('.register__row')].map(
      (row) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
  }

  function rowButton(payee: string, name: RegExp): HTMLButtonElement {
    const row = [...page.element.querySelectorAll('.register__row')].find((candidate) =>
      candidate.textContent?.includes(payee),
    );
    const button = [...(row?.querySelectorAll('button') ?? [])].find((candidate) =>
      name.test(candidate.textContent?.trim() ?? ''),
    );
    if (!button) {
      throw new Error(`No ${String(name)} button for ${payee}`);
    }
    return button;
  }

  it('lists the account newest first with the running balance and transfers negated', () => {
    expect(page.element.querySelector('h1')?.textContent).toContain('Checking');
    expect(page.element.querySelector('[data-test="account-balance"]')?.textContent?.trim()).toBe(
      '€2,595.50',
    );
    const [first, second, third] = rows();
    expect(first).toContain('Bakery');
    expect(first).toContain('Groceries');
    expect(first).toContain('-€4.50');
    expect(first).toContain('€2,595.50');
    expect(second).toContain('Transfer from Savings');
    expect(second).toContain('€100.00');
    expect(second).toContain('€2,600.00');
    expect(third).toContain('€2,500.00');
    expect(page.text()).toContain('3 transactions, newest first');
  });

  it('adds a transaction with a new payee, creating the payee with the id of its name first', async () => {
    await page.type('Payee', '  Market   Hall ');
    await page.type(/^Amount/, '-1.234,5');
    await page.type('Date', '2026-01-05');
    await page.click('Add transaction');

    const payeeId = payeeIdFor('market hall');
    expect(page.client.rows.get('payees')?.get(payeeId)).toMatchObject({
      name: 'Market Hall',
      favorite: false,
    });
    const created = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['payeeId'] === payeeId,
    );
    expect(created).toMatchObject({
      accountId: checking.id,
      amountMinor: -123_450,
      date: '2026-01-05',
      cleared: false,
    });
    const creates = page.client.calls.filter((call) => call.startsWith('create'));
    expect(creates).toEqual([`create payees ${payeeId}`, `create transactions ${created?.id}`]);
    expect(rows()[0]).toContain('Market Hall');
    expect(rows()[0]).toContain('-€1,234.50');
  });

  it('uses the existing payee for a name typed in another spelling, creating none', async () => {
    await page.type('Payee', 'EMPLOYER');
    await page.type(/^Amount/, '10');
    await page.click('Add transaction');

    expect(page.client.calls.filter((call) => call.startsWith('create payees'))).toEqual([]);
    const created = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['amountMinor'] === 1000,
    );
    expect(created?.['payeeId']).toBe(employer.id);
  });

  it('explains a bad amount next to the field and stores nothing', async () => {
    await page.type('Payee', 'Market');
    await page.type(/^Amount/, '12.345');
    await page.click('Add transaction');

    const amount = page.byLabel(/^Amount/);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(page.text()).toContain('Use at most 2 decimal places.');
    expect(page.client.calls.filter((call) => call.startsWith('create'))).toEqual([]);
  });

  it('prefills the category a known payee had last time', async () => {
    await page.type('Payee', 'bakery');
    expect(page.byLabel<HTMLSelectElement>('Category').value).toBe(groceries.id);
  });

  it("fills the payee's default category when no category is chosen, and only then", async () => {
    const rent = categoryRow({ name: 'Rent', groupName: 'Home' });
    page.client.seed('categories', [rent]);
    page.client.seed('payees', [{ ...employer, defaultCategoryId: rent.id }]);
    await page.settle();

    await page.type('Payee', 'Employer');
    expect(page.byLabel<HTMLSelectElement>('Category').value).toBe(rent.id);

    await page.type('Category', groceries.id);
    await page.type('Payee', 'Employer');
    expect(page.byLabel<HTMLSelectElement>('Category').value).toBe(groceries.id);
  });

  function rowKinds(): string[] {
    return [...page.element.querySelectorAll('.register__row')].map(
      (row) => row.getAttribute('data-kind') ?? '',
    );
  }

  it('edits in the row itself, writes only the changed fields and gives focus back to the row', async () => {
    rowButton('Move', /^Edit/).click();
    await page.settle();
    // Cancel the first edit with Escape: the second row is still where it was.
    expect(rowKinds()[1]).toBe('editor');
    const editor = page.within('fw-register-row-editor');
    editor
      .byLabel(/^Amount/)
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await page.settle();
    expect(page.element.querySelector('fw-register-row-editor')).toBeNull();
    expect(document.activeElement).toBe(rowButton('Move', /^Edit/));

    rowButton('Bakery', /^Edit/).click();
    await page.settle();
    expect(rowKinds()[0]).toBe('editor');
    expect(rowKinds().filter((kind) => kind === 'filler').length).toBeGreaterThan(0);
    expect(editor.text()).toContain('Edit transaction');
    expect(editor.byLabel(/^Amount/).value).toBe('-4.50');
    // The add form at the top stays an add form.
    expect(page.within('[data-test="add-transaction"]').text()).toContain('Add a transaction');

    await editor.type(/^Amount/, '-5');
    await editor.click('Save changes');

    expect(page.client.calls).toContain(`update transactions ${bakery.id} {"amountMinor":-500}`);
    expect(page.element.querySelector('fw-register-row-editor')).toBeNull();
    expect(rowKinds()).not.toContain('filler');
    await page.settle();
    expect(document.activeElement).toBe(rowButton('Bakery', /^Edit/));
  });

  it('edits the other side of a transfer in its own sign and flag', async () => {
    rowButton('Move', /^Edit/).click();
    await page.settle();
    const editor = page.within('fw-register-row-editor');
    expect(editor.byLabel(/^Amount/).value).toBe('100.00');
    expect(page.element.querySelector('fw-register-row-editor select')).toBeNull();

    await editor.type(/^Amount/, '150');
    await editor.click('Save changes');
    expect(page.client.calls).toContain(
      `update transactions ${transfer.id} {"amountMinor":-15000}`,
    );

    const cleared = page.byLabel<HTMLInputElement>(/^Cleared: Move/);
    cleared.click();
    await page.settle();
    expect(page.client.calls).toContain(
      `update transactions ${transfer.id} {"transferCleared":true}`,
    );
  });

  it('asks for both amounts of a transfer to an account in another currency', async () => {
    const tokyo = accountRow({ name: 'Tokyo', currency: 'JPY' });
    page.client.seed('accounts', [tokyo]);
    await page.settle();
    const target = page.byLabel<HTMLSelectElement>('Category');
    const transferOptions = [
      ...target.querySelectorAll('optgroup[label="Transfer to or from"] option'),
    ];
    expect(transferOptions.map((option) => option.textContent?.trim())).toEqual([
      'Savings',
      'Tokyo (JPY)',
    ]);

    await page.type('Category', `transfer:${savings.id}`);
    expect(() => page.byLabel(/^Amount in/)).toThrow();

    await page.type('Category', `transfer:${tokyo.id}`);
    await page.type(/^Amount \(EUR\)/, '-100');
    await page.click('Add transaction');
    expect(page.byLabel(/^Amount in Tokyo \(JPY\)/).getAttribute('aria-invalid')).toBe('true');
    expect(page.client.calls.some((call) => call.startsWith('create transactions'))).toBe(false);

    await page.type(/^Amount in Tokyo \(JPY\)/, '16200');
    await page.click('Add transaction');
    const created = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['transferAccountId'] === tokyo.id,
    );
    expect(created).toMatchObject({ amountMinor: -10_000, transferAmountMinor: 16_200 });
  });

  it('writes one amount for a transfer within one currency', async () => {
    await page.type('Category', `transfer:${savings.id}`);
    await page.type(/^Amount/, '-25');
    await page.click('Add transaction');
    const created = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['transferAccountId'] === savings.id && row['accountId'] === checking.id,
    );
    expect(created).toMatchObject({ amountMinor: -2_500, transferAmountMinor: null });
  });

  it('asks for confirmation before deleting, with Cancel, and disarms by itself', async () => {
    jest.useFakeTimers();
    try {
      rowButton('Bakery', /^Delete/).click();
      await settleWithTimers();
      expect(page.client.calls.some((call) => call.startsWith('delete'))).toBe(false);
      rowButton('Bakery', /^Cancel/).click();
      await settleWithTimers();
      expect(() => rowButton('Bakery', /^Confirm/)).toThrow();

      rowButton('Bakery', /^Delete/).click();
      await settleWithTimers();
      jest.advanceTimersByTime(6000);
      await settleWithTimers();
      expect(() => rowButton('Bakery', /^Confirm/)).toThrow();
      expect(page.client.calls.some((call) => call.startsWith('delete'))).toBe(false);

      rowButton('Bakery', /^Delete/).click();
      await settleWithTimers();
      rowButton('Bakery', /^Confirm delete/).click();
      await settleWithTimers();
      // Gone from the list at once; written only when the Undo offer ends.
      expect(rows().some((row) => row.includes('Bakery'))).toBe(false);
      expect(document.activeElement?.classList.contains('register__edit')).toBe(true);
      expect(page.client.calls.some((call) => call.startsWith('delete'))).toBe(false);
      jest.advanceTimersByTime(6000);
      await settleWithTimers();
      expect(page.client.calls).toContain(`delete transactions ${bakery.id}`);
      expect(rows().some((row) => row.includes('Bakery'))).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  async function settleWithTimers(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      page.fixture.detectChanges();
      await jest.advanceTimersByTimeAsync(1);
    }
  }

  it('keeps what the user is typing when another device changes the account', async () => {
    await page.type('Payee', 'Half typed');
    page.client.seed('accounts', [{ ...checking, name: 'Checking (renamed)' }]);
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent).toContain('Checking (renamed)');
    expect(page.byLabel('Payee').value).toBe('Half typed');
  });

  it('shows a transaction’s history from its editor, and opens it from a link to the row', async () => {
    rowButton('Bakery', /^Edit/).click();
    await page.settle();
    expect(page.element.querySelector('[data-test="history-panel"]')).toBeNull();
    await page.click(/^History/);
    // The fake sync client starts offline: the server's history needs a connection.
    expect(page.within('[data-test="history-panel"]').text()).toContain(
      'History needs a connection',
    );
    await page.click('Close history');
    expect(page.element.querySelector('[data-test="history-panel"]')).toBeNull();
    await page.click('Cancel');

    page.fixture.componentRef.setInput('history', salary.id);
    await page.settle();
    expect(page.element.querySelector('fw-register-row-editor')).not.toBeNull();
    expect(page.within('fw-register-row-editor').byLabel<HTMLInputElement>('Date').value).toBe(
      '2026-01-01',
    );
    expect(page.element.querySelector('[data-test="history-panel"]')).not.toBeNull();
  });

  it('offers Unmatch in the editor of a row an import matched, and only there', async () => {
    rowButton('Bakery', /^Edit/).click();
    await page.settle();
    expect(page.element.querySelector('fw-unmatch-import')).toBeNull();
    await page.click('Cancel');

    page.client.seed('transactions', [
      { ...salary, importedId: 'bank-9', importedPayee: 'ACME PAYROLL' },
    ]);
    await page.settle();
    rowButton('Employer', /^Edit/).click();
    await page.settle();
    const editor = page.within('fw-register-row-editor');
    expect(editor.text()).toContain(
      'Matched to a bank line by an import. Bank text: “ACME PAYROLL”',
    );
    await editor.click('Unmatch this transaction from the bank line');
    await editor.click('Unmatch');

    expect(page.client.calls).toContain('batch 2');
    expect(page.client.calls).toContain(
      `update transactions ${salary.id} {"importedId":null,"importedPayee":null}`,
    );
    expect(page.element.querySelector('fw-register-row-editor')).toBeNull();
    await page.settle();
    expect(rows().filter((row) => row.includes('2,500.00'))).toHaveLength(2);
    expect(document.activeElement).toBe(rowButton('Employer', /^Edit/));
  });

  it('says so when the account does not exist in this household', async () => {
    page.fixture.componentRef.setInput('accountId', '00000000-0000-4000-8000-0000000000ff');
    await page.settle();
    expect(page.text()).toContain('Account not found');
  });
});
