import { accountRow, categoryRow, payeeRow, transactionRow } from '../testing/rows';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { RegisterPageComponent } from './register-page.component';

describe('SplitEditorComponent (in the register)', () => {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const savings = accountRow({ name: 'Savings', currency: 'EUR' });
  const groceries = categoryRow({ name: 'Groceries' });
  const household = categoryRow({ name: 'Household', sortOrder: 20 });
  const market = payeeRow({ name: 'Supermarket' });
  const parent = transactionRow({
    accountId: checking.id,
    payeeId: market.id,
    amountMinor: -10_000,
    date: '2026-01-10',
  });
  const food = transactionRow({
    accountId: checking.id,
    parentId: parent.id,
    notes: 'Food',
    amountMinor: -6_000,
    categoryId: groceries.id,
    date: '2026-01-10',
  });

  let page: PageHarness<RegisterPageComponent>;

  beforeEach(async () => {
    page = await renderPage(RegisterPageComponent, {
      seed: {
        accounts: [checking, savings],
        categories: [groceries, household],
        payees: [market],
        transactions: [parent, food],
      },
      inputs: { accountId: checking.id },
    });
  });

  function rows(): string[] {
    return [...page.element.querySelectorAll('.register__row')].map(
      (row) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
  }

  async function openParent(): Promise<ReturnType<PageHarness<RegisterPageComponent>['within']>> {
    const edit = page.element.querySelector<HTMLButtonElement>(
      `[data-key="${parent.id}"] .register__edit`,
    );
    edit?.click();
    await page.settle();
    return page.within('fw-register-row-editor');
  }

  function transactionsWritten(): string[] {
    return page.client.calls.filter((call) => call.includes(' transactions '));
  }

  it('shows the lines under their parent and what is left to assign', () => {
    const [entry, split, remainder] = rows();
    expect(entry).toContain('Split');
    expect(split).toContain('Food');
    expect(split).toContain('-€60.00');
    expect(remainder).toContain('-€40.00 left to assign');
  });

  it('adds a line holding only its own fields besides what the schema requires at creation', async () => {
    const editor = await openParent();
    expect(editor.text()).toContain('-€40.00 left to assign');

    await editor.type('Split category', household.id);
    await editor.type(/^Split amount/, '-15');
    await editor.type(/^Split payee/, 'Drugstore');
    await editor.click('Add split line');

    const line = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['parentId'] === parent.id && row['id'] !== food.id,
    );
    expect(line).toMatchObject({
      categoryId: household.id,
      amountMinor: -1_500,
      notes: null,
      cleared: false,
      reconciled: false,
    });
    const drugstore = [...(page.client.rows.get('payees')?.values() ?? [])].find(
      (payee) => payee['name'] === 'Drugstore',
    );
    expect(line?.['payeeId']).toBe(drugstore?.id);
    expect(editor.text()).toContain('-€25.00 left to assign');
  });

  it("never rewrites a line when the parent's date changes", async () => {
    const editor = await openParent();
    await editor.type('Date', '2026-02-01');
    await editor.click('Save changes');

    expect(transactionsWritten()).toEqual([
      `update transactions ${parent.id} {"date":"2026-02-01"}`,
    ]);
  });

  it('sets the parent to the sum of its lines with one write on the parent', async () => {
    const editor = await openParent();
    await editor.click('Set total to sum of lines');

    expect(transactionsWritten()).toEqual([
      `update transactions ${parent.id} {"amountMinor":-6000}`,
    ]);
    expect(editor.text()).toContain('The lines add up to the transaction.');
    expect(rows().some((row) => row.includes('left to assign'))).toBe(false);
  });

  it('adds a line for the remainder, in the category chosen in the add form', async () => {
    const editor = await openParent();
    await editor.type('Split category', household.id);
    await editor.click('Add a line for the remainder');

    const line = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['parentId'] === parent.id && row['id'] !== food.id,
    );
    expect(line).toMatchObject({ amountMinor: -4_000, categoryId: household.id });
    expect(editor.text()).toContain('The lines add up to the transaction.');
  });

  it('asks before setting a reconciled parent to the sum, and writes nothing when declined', async () => {
    page.client.seed('transactions', [{ ...parent, reconciled: true, cleared: true }]);
    await page.settle();
    const editor = await openParent();
    await editor.click('Set total to sum of lines');

    expect(editor.text()).toContain('This transaction is reconciled.');
    await editor.click('Keep the amount');
    expect(transactionsWritten()).toEqual([]);

    await editor.click('Set total to sum of lines');
    await editor.click('Change the amount anyway');
    expect(transactionsWritten()).toEqual([
      `update transactions ${parent.id} {"amountMinor":-6000}`,
    ]);
  });

  it('edits a line in place, writing only what changed on it', async () => {
    const editor = await openParent();
    await editor.click(/^Edit split line Groceries/);
    expect(editor.byLabel(/^Line amount/).value).toBe('-60.00');
    await editor.type(/^Line amount/, '-70');
    await editor.click('Save line');

    expect(transactionsWritten()).toEqual([`update transactions ${food.id} {"amountMinor":-7000}`]);
    expect(editor.text()).toContain('-€30.00 left to assign');
  });
});
