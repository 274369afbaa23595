import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addTransaction,
  amountOf,
  expectNoCspViolations,
  openRegister,
  registerRows,
  signIn,
  waitForSynced,
  waitUntil,
} from './support/app';
import { Api, createMutation, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, PHONE, screenshot, type Device } from './support/browser';
import { payeeIdFor } from './support/ids';
import { startServer, type RunningServer } from './support/server';

/**
 * The register's finance side in a real browser: a transaction with a new payee picked from
 * the combobox by keyboard, a reconcile against a statement that needs an adjustment, and the
 * result as a second session (a phone-sized browser of the same user) sees it.
 */
describe('Payees and reconcile in the register', () => {
  let server: RunningServer;
  let api: Api;
  let session: ApiSession;
  let a: Device;
  let b: Device;
  const ann = { email: uniqueEmail('ledger'), password: PASSWORD };
  const account = 'Giro';

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    session = await api.signUp(ann);
    await api.push(session, [
      createMutation('categories', {
        name: 'Bank fees',
        groupName: 'Living',
        isIncome: false,
        hidden: false,
        sortOrder: 10,
        carryOverspending: false,
      }),
    ]);
    [a, b] = await Promise.all([
      openDevice('ledger-a'),
      openDevice('ledger-b', { viewport: PHONE }),
    ]);

    await signIn(a.page, server.url, ann);
    await a.page.getByLabel('Name', { exact: true }).first().fill(account);
    await a.page.getByRole('button', { name: 'Open account' }).click();
    await a.page.getByRole('link', { name: account, exact: true }).waitFor();
    await openRegister(a.page, server.url, account);
  });

  afterAll(async () => {
    for (const device of [a, b]) {
      if (device) {
        expectNoCspViolations(device.errors);
        await device.close();
      }
    }
    await server?.stop();
  });

  it('1. enters a transaction with a new payee, created with the id of its name', async () => {
    await addTransaction(a.page, { payee: 'Employer', amount: '1000', date: '2026-01-02' });
    await registerRows(a.page, 'Employer').waitFor();
    // The salary is on the statement already.
    await registerRows(a.page, 'Employer').getByRole('checkbox').check();

    const form = a.page.locator('[data-test="add-transaction"] fw-transaction-form');
    await form.getByLabel('Date').fill('2026-01-10');
    const payee = form.getByRole('combobox', { name: 'Payee', exact: true });
    await payee.fill('Farmers   Market');
    await waitUntil(
      'the list of payees opens',
      async () => (await payee.getAttribute('aria-expanded')) === 'true',
    );
    // ArrowUp wraps to the last option: the one that creates the payee.
    await payee.press('ArrowUp');
    let active: string | null = null;
    await waitUntil('an option is highlighted', async () => {
      active = await payee.getAttribute('aria-activedescendant');
      return active !== null;
    });
    expect(await a.page.locator(`[id="${active}"]`).innerText()).toContain(
      'Create payee “Farmers Market”',
    );
    await payee.press('Enter');
    await waitUntil(
      'the list closes on the pick',
      async () => (await payee.getAttribute('aria-expanded')) === 'false',
    );
    expect(await payee.inputValue()).toBe('Farmers Market');
    await form.getByLabel(/^Amount/).fill('-42.50');
    await form.getByLabel(/^Amount/).press('Enter');
    await registerRows(a.page, 'Farmers Market').waitFor();
    await waitForSynced(a.page);

    const payees = await api.list<{ id: string; name: string }>(session, 'payees');
    expect(payees.find((row) => row.name === 'Farmers Market')?.id).toBe(
      payeeIdFor('farmers market'),
    );
  });

  it('2. reconciles against a statement, booking the difference as an adjustment', async () => {
    await a.page.getByRole('button', { name: 'Reconcile' }).click();
    const dialog = a.page.getByRole('dialog', { name: `Reconcile ${account}` });
    await dialog.getByLabel('Statement date', { exact: true }).fill('2026-01-31');
    await dialog.getByLabel(/^Statement balance/).fill('950.00');
    const difference = dialog.locator('[data-test="reconcile-difference"]');
    await waitUntil('the difference shows the uncleared rows', async () =>
      (await difference.innerText()).includes('-€50.00'),
    );

    await dialog.getByRole('checkbox', { name: /Farmers Market/ }).check();
    await waitUntil('the difference follows the tick', async () =>
      (await difference.innerText()).includes('-€7.50'),
    );
    await dialog.getByLabel(/^Category of the adjustment/).selectOption({ label: 'Bank fees' });
    await screenshot(a.page, 'reconcile-dialog');
    await dialog.getByRole('button', { name: 'Add adjustment and finish' }).click();

    await a.page.getByRole('status').filter({ hasText: 'Reconciled 3 transactions' }).waitFor();
    await registerRows(a.page, 'Reconciliation adjustment').waitFor();
    expect(await amountOf(registerRows(a.page, 'Reconciliation adjustment'))).toBe('-€7.50');
    expect(await a.page.locator('[data-test="reconciled"]').count()).toBe(3);
    expect(await a.page.locator('[data-test="account-balance"]').innerText()).toBe('€950.00');
    await waitForSynced(a.page);

    const reconciliations = await api.list<{
      statementBalanceMinor: number;
      clearedTotalMinor: number;
    }>(session, 'reconciliations');
    expect(reconciliations).toMatchObject([
      { statementBalanceMinor: 95_000, clearedTotalMinor: 95_000 },
    ]);
    await screenshot(a.page, 'register-reconciled');
  });

  it('3. shows the payee and the reconcile in a second session, and warns before editing a reconciled row', async () => {
    await signIn(b.page, server.url, ann);
    await openRegister(b.page, server.url, account);
    await registerRows(b.page, 'Farmers Market').waitFor({ timeout: 30_000 });
    await registerRows(b.page, 'Reconciliation adjustment').waitFor();
    await waitUntil(
      'the second session shows every row reconciled',
      async () => (await b.page.locator('[data-test="reconciled"]').count()) === 3,
    );
    expect(await b.page.locator('[data-test="account-balance"]').innerText()).toBe('€950.00');
    expect(await b.page.locator('[data-test="last-reconciled"]').innerText()).toContain(
      'Last reconciled to €950.00 on Jan 31, 2026',
    );
    expect(await b.page.locator('[data-test="history-changed"]').count()).toBe(0);
    await screenshot(b.page, 'register-reconciled-phone');

    await registerRows(b.page, 'Farmers Market').getByRole('button', { name: /^Edit/ }).click();
    const editor = b.page.locator('fw-register-row-editor');
    await editor
      .getByLabel(/^Amount/)
      .first()
      .fill('-45.00');
    await editor
      .getByLabel(/^Amount/)
      .first()
      .press('Enter');
    await editor.getByRole('alert').filter({ hasText: 'This transaction is reconciled' }).waitFor();
    await editor.getByRole('button', { name: 'Keep editing' }).click();
    await editor.getByRole('button', { name: 'Cancel' }).first().click();
    await editor.waitFor({ state: 'detached' });
    expect(await amountOf(registerRows(b.page, 'Farmers Market'))).toBe('-€42.50');

    await b.page.getByRole('link', { name: 'Payees', exact: true }).click();
    await b.page.getByRole('heading', { level: 2, name: 'Farmers Market' }).waitFor();
    await screenshot(b.page, 'payees-phone');
  });
});
