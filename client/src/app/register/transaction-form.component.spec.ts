import { accountRow, payeeRow, transactionRow } from '../testing/rows';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { RegisterPageComponent } from './register-page.component';

describe('TransactionFormComponent (in the register)', () => {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const dollars = accountRow({ name: 'Dollars', currency: 'USD' });
  const shop = payeeRow({ name: 'Shop' });
  const reconciled = transactionRow({
    accountId: checking.id,
    payeeId: shop.id,
    amountMinor: -2_000,
    cleared: true,
    reconciled: true,
    date: '2026-01-05',
  });
  const crossing = transactionRow({
    accountId: checking.id,
    transferAccountId: dollars.id,
    amountMinor: -10_000,
    transferAmountMinor: 10_800,
    date: '2026-01-06',
  });

  let page: PageHarness<RegisterPageComponent>;

  async function render(accountId: string): Promise<void> {
    page = await renderPage(RegisterPageComponent, {
      seed: {
        accounts: [checking, dollars],
        payees: [shop],
        transactions: [reconciled, crossing],
      },
      inputs: { accountId },
    });
  }

  async function edit(id: string) {
    page.element.querySelector<HTMLButtonElement>(`[data-key="${id}"] .register__edit`)?.click();
    await page.settle();
    return page.within('fw-register-row-editor');
  }

  const updates = () => page.client.calls.filter((call) => call.startsWith('update'));

  it('shows a reconciled row as such, without a Cleared box', async () => {
    await render(checking.id);
    const row = page.element.querySelector(`[data-key="${reconciled.id}"]`);
    expect(row?.querySelector('[data-test="reconciled"]')?.textContent).toContain('Reconciled');
    expect(row?.querySelector('input[type="checkbox"]')).toBeNull();
  });

  it('drops the amount message as soon as the amount is a number', async () => {
    await render(checking.id);
    const form = page.within('[data-test="add-transaction"]');
    await form.type('Payee', 'Shop');
    await form.type(/^Amount/, 'ten');
    await form.click('Add transaction');
    expect(form.text()).toContain('Enter a number such as -12.50.');

    await form.type(/^Amount/, '-10');
    expect(form.text()).not.toContain('Enter a number such as -12.50.');
    expect(page.client.calls.filter((call) => call.startsWith('create transactions'))).toEqual([]);
  });

  it('asks before changing the amount of a reconciled row, and saves only when confirmed', async () => {
    await render(checking.id);
    let editor = await edit(reconciled.id);
    await editor.type(/^Amount/, '-25');
    await editor.click('Save changes');

    expect(editor.text()).toContain('This transaction is reconciled.');
    expect(updates()).toEqual([]);
    expect(document.activeElement?.textContent?.trim()).toBe('Save anyway');
    await editor.click('Keep editing');
    expect(editor.text()).not.toContain('This transaction is reconciled.');
    expect(updates()).toEqual([]);

    await editor.click('Save changes');
    await editor.click('Save anyway');
    expect(updates()).toEqual([`update transactions ${reconciled.id} {"amountMinor":-2500}`]);

    editor = await edit(reconciled.id);
    await editor.type(/^Notes/, 'Receipt filed');
    await editor.click('Save changes');
    expect(updates()).toContain(`update transactions ${reconciled.id} {"notes":"Receipt filed"}`);
  });

  it('edits both amounts of a transfer between currencies from its far side', async () => {
    await render(dollars.id);
    const row = page.element.querySelector(`[data-key="${crossing.id}"]`);
    expect(row?.textContent).toContain('$108.00');
    expect(row?.textContent).toContain('Transfer from Checking');

    const editor = await edit(crossing.id);
    expect(editor.byLabel(/^Amount \(USD\)/).value).toBe('108.00');
    expect(editor.byLabel(/^Amount in Checking \(EUR\)/).value).toBe('-100.00');
    await editor.type(/^Amount \(USD\)/, '110');
    await editor.click('Save changes');
    expect(updates()).toEqual([`update transactions ${crossing.id} {"transferAmountMinor":11000}`]);
  });
});
