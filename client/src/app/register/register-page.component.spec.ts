import { accountRow, categoryRow, transactionRow } from '../testing/rows';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { RegisterPageComponent } from './register-page.component';

describe('RegisterPageComponent', () => {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const savings = accountRow({ name: 'Savings', currency: 'EUR' });
  const groceries = categoryRow({ name: 'Groceries' });
  const salary = transactionRow({
    accountId: checking.id,
    payee: 'Employer',
    amountMinor: 250_000,
    date: '2026-01-01',
    cleared: true,
  });
  const bakery = transactionRow({
    accountId: checking.id,
    payee: 'Bakery',
    amountMinor: -450,
    date: '2026-01-03',
    categoryId: groceries.id,
  });
  const transfer = transactionRow({
    accountId: savings.id,
    transferAccountId: checking.id,
    payee: 'Move',
    amountMinor: -10_000,
    date: '2026-01-02',
  });

  let page: PageHarness<RegisterPageComponent>;

  beforeEach(async () => {
    page = await renderPage(RegisterPageComponent, {
      seed: {
        accounts: [checking, savings],
        categories: [groceries],
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

  it('adds a transaction from the typed amount in minor units', async () => {
    await page.type('Payee', 'Market');
    await page.type(/^Amount/, '-1.234,5');
    await page.type('Date', '2026-01-05');
    await page.click('Add transaction');

    const created = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['payee'] === 'Market',
    );
    expect(created).toMatchObject({
      accountId: checking.id,
      amountMinor: -123_450,
      date: '2026-01-05',
      cleared: false,
    });
    expect(rows()[0]).toContain('Market');
    expect(rows()[0]).toContain('-€1,234.50');
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

  it('offers transfers only to accounts in the same currency and says why', async () => {
    page.client.seed('accounts', [accountRow({ name: 'Tokyo', currency: 'JPY' })]);
    await page.settle();
    const target = page.byLabel<HTMLSelectElement>('Category');
    const transferOptions = [
      ...target.querySelectorAll('optgroup[label="Transfer to or from"] option'),
    ];
    expect(transferOptions.map((option) => option.textContent?.trim())).toEqual(['Savings']);
    expect(page.text()).toContain(
      'Transfers stay within one currency, so Tokyo (JPY) cannot be chosen.',
    );
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

  it('shows split children and the uncategorized remainder under their parent', async () => {
    const parent = transactionRow({
      accountId: checking.id,
      payee: 'Supermarket',
      amountMinor: -10_000,
      date: '2026-01-10',
    });
    const child = transactionRow({
      accountId: checking.id,
      parentId: parent.id,
      payee: 'Supermarket',
      notes: 'Food',
      amountMinor: -6_000,
      categoryId: groceries.id,
      date: '2026-01-10',
    });
    page.client.seed('transactions', [parent, child]);
    await page.settle();

    const [entry, split, remainder] = rows();
    expect(entry).toContain('Split');
    expect(split).toContain('Food');
    expect(split).toContain('-€60.00');
    expect(remainder).toContain('Uncategorized remainder');
    expect(remainder).toContain('-€40.00');
  });

  it('splits a transaction into categorised lines, edits a line and keeps their date with the parent', async () => {
    rowButton('Employer', /^Edit/).click();
    await page.settle();
    const editor = page.within('fw-register-row-editor');
    expect(editor.text()).toContain('Split lines');

    await editor.type('Split category', groceries.id);
    await editor.type(/^Split amount/, '1000');
    await editor.click('Add split line');

    const child = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['parentId'] === salary.id,
    );
    expect(child).toMatchObject({
      accountId: checking.id,
      categoryId: groceries.id,
      amountMinor: 100_000,
      date: '2026-01-01',
      payee: '',
    });
    expect(editor.text()).toContain('Uncategorized remainder: €1,500.00');

    await editor.click(/^Edit split line Groceries/);
    expect(editor.byLabel(/^Line amount/).value).toBe('1000.00');
    await editor.type(/^Line amount/, '1200');
    await editor.type(/^Line note/, 'Shopping');
    await editor.click('Save line');
    expect(page.client.calls).toContain(
      `update transactions ${child?.['id']} {"notes":"Shopping","amountMinor":120000}`,
    );
    expect(editor.text()).toContain('Uncategorized remainder: €1,300.00');
    expect(page.element.querySelector('fw-register-row-editor')).not.toBeNull();

    await editor.type('Date', '2026-02-01');
    await editor.click('Save changes');
    expect(page.client.calls).toContain(
      `update transactions ${child?.['id']} {"date":"2026-02-01"}`,
    );
    const [split, remainder] = rows().filter((row) => row.startsWith('↳'));
    expect(split).toContain('Shopping');
    expect(remainder).toContain('Uncategorized remainder');
  });

  it('keeps what the user is typing when another device changes the account', async () => {
    await page.type('Payee', 'Half typed');
    page.client.seed('accounts', [{ ...checking, name: 'Checking (renamed)' }]);
    await page.settle();

    expect(page.element.querySelector('h1')?.textContent).toContain('Checking (renamed)');
    expect(page.byLabel('Payee').value).toBe('Half typed');
  });

  it('says so when the account does not exist in this household', async () => {
    page.fixture.componentRef.setInput('accountId', '00000000-0000-4000-8000-0000000000ff');
    await page.settle();
    expect(page.text()).toContain('Account not found');
  });
});
