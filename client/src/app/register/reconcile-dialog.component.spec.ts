import { payeeIdFor, RECONCILIATION_ADJUSTMENT_PAYEE } from '@finwise/finance';
import {
  accountRow,
  categoryRow,
  payeeRow,
  reconciliationRow,
  transactionRow,
} from '../testing/rows';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { RegisterPageComponent } from './register-page.component';

describe('ReconcileDialogComponent (in the register)', () => {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const savings = accountRow({ name: 'Savings', currency: 'EUR' });
  const fees = categoryRow({ name: 'Bank fees' });
  const employer = payeeRow({ name: 'Employer' });
  const salary = transactionRow({
    accountId: checking.id,
    payeeId: employer.id,
    amountMinor: 200_000,
    date: '2026-01-01',
    cleared: true,
  });
  const coffee = transactionRow({ accountId: checking.id, amountMinor: -450, date: '2026-01-10' });
  const incoming = transactionRow({
    accountId: savings.id,
    transferAccountId: checking.id,
    amountMinor: -10_000,
    date: '2026-01-12',
  });
  const later = transactionRow({ accountId: checking.id, amountMinor: -999, date: '2026-02-05' });

  let page: PageHarness<RegisterPageComponent>;

  beforeEach(async () => {
    page = await renderPage(RegisterPageComponent, {
      seed: {
        accounts: [checking, savings],
        categories: [fees],
        payees: [employer],
        transactions: [salary, coffee, incoming, later],
      },
      inputs: { accountId: checking.id },
    });
  });

  const dialog = () => page.within('fw-reconcile-dialog');
  const difference = () =>
    page.element.querySelector('[data-test="reconcile-difference"]')?.textContent?.trim();
  const writes = () => page.client.calls.filter((call) => !call.startsWith('connect'));

  async function open(statementDate: string, balance: string): Promise<void> {
    await page.click('Reconcile');
    await dialog().type('Statement date', statementDate);
    await dialog().type(/^Statement balance/, balance);
  }

  async function tick(name: RegExp): Promise<void> {
    const label = [...page.element.querySelectorAll('fw-reconcile-dialog label')].find(
      (candidate) => name.test(candidate.textContent ?? ''),
    );
    page.element.querySelector<HTMLInputElement>(`[id="${label?.getAttribute('for')}"]`)?.click();
    await page.settle();
  }

  it('lists the rows up to the statement date and updates the difference as they are ticked', async () => {
    await open('2026-01-31', '2,095.50');
    expect(dialog().text()).toContain('3 rows up to the statement date');
    expect(dialog().text()).not.toContain('-€9.99');
    expect(difference()).toBe('€95.50');

    await tick(/Savings|€100\.00/);
    expect(writes()).toEqual([`update transactions ${incoming.id} {"transferCleared":true}`]);
    expect(difference()).toBe('-€4.50');

    await tick(/-€4\.50/);
    expect(difference()).toBe('€0.00');
  });

  it('finishes by writing the reconcile the finance library plans: flags, then the reconciliation', async () => {
    await open('2026-01-31', '2,095.50');
    await tick(/Savings|€100\.00/);
    await tick(/-€4\.50/);
    page.client.calls.length = 0;
    await page.click('Finish reconciling');

    const reconciliation = [...(page.client.rows.get('reconciliations')?.values() ?? [])][0];
    expect(writes()).toEqual([
      `update transactions ${salary.id} {"reconciled":true}`,
      `update transactions ${coffee.id} {"reconciled":true}`,
      `update transactions ${incoming.id} {"transferReconciled":true}`,
      `create reconciliations ${reconciliation?.id}`,
    ]);
    expect(reconciliation).toMatchObject({
      accountId: checking.id,
      statementDate: '2026-01-31',
      statementBalanceMinor: 209_550,
      clearedTotalMinor: 209_550,
      adjustmentId: null,
    });
    expect(page.element.querySelector('fw-reconcile-dialog')).toBeNull();
    expect(page.text()).toContain('Reconciled 3 transactions.');
    expect(page.element.querySelectorAll('[data-test="reconciled"]')).toHaveLength(3);
    expect(page.text()).toContain('Last reconciled to €2,095.50 on Jan 31, 2026.');
  });

  it('books a remaining difference as an adjustment in the chosen category', async () => {
    await open('2026-01-31', '1,990');
    expect(difference()).toBe('-€10.00');
    await dialog().type(/^Category of the adjustment/, fees.id);
    page.client.calls.length = 0;
    await page.click('Add adjustment and finish');

    const adjustmentPayee = payeeIdFor(RECONCILIATION_ADJUSTMENT_PAYEE);
    const adjustment = [...(page.client.rows.get('transactions')?.values() ?? [])].find(
      (row) => row['payeeId'] === adjustmentPayee,
    );
    expect(adjustment).toMatchObject({
      accountId: checking.id,
      date: '2026-01-31',
      amountMinor: -1_000,
      categoryId: fees.id,
      cleared: true,
      reconciled: true,
    });
    expect(writes().slice(0, 2)).toEqual([
      `create payees ${adjustmentPayee}`,
      `create transactions ${adjustment?.id}`,
    ]);
    const reconciliation = [...(page.client.rows.get('reconciliations')?.values() ?? [])][0];
    expect(reconciliation).toMatchObject({
      clearedTotalMinor: 199_000,
      adjustmentId: adjustment?.id,
    });
    expect(page.text()).toContain('Reconciled 2 transactions, with an adjustment');
    expect(page.text()).toContain(RECONCILIATION_ADJUSTMENT_PAYEE);
  });

  it('offers no plain finish while a difference remains, and Escape closes without writing', async () => {
    await open('2026-01-31', '1,990');
    expect(() => dialog().byLabel('Finish reconciling')).toThrow();
    expect(dialog().text()).not.toContain('Finish reconciling');

    page.element
      .querySelector('fw-reconcile-dialog input')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await page.settle();
    expect(page.element.querySelector('fw-reconcile-dialog')).toBeNull();
    expect(writes()).toEqual([]);
  });

  it('says when the reconciled history changed since the last reconcile', async () => {
    page.client.seed('reconciliations', [
      reconciliationRow({ accountId: checking.id, clearedTotalMinor: 200_000 }),
    ]);
    page.client.seed('transactions', [{ ...salary, reconciled: true }]);
    await page.settle();
    expect(page.element.querySelector('[data-test="history-changed"]')).toBeNull();

    page.client.seed('transactions', [{ ...salary, reconciled: true, amountMinor: 190_000 }]);
    await page.settle();
    expect(page.element.querySelector('[data-test="history-changed"]')?.textContent).toContain(
      'Reconciled history changed',
    );
  });
});
