import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addTransaction,
  amountOf,
  editTransaction,
  expectNoCspViolations,
  expectOffline,
  openRegister,
  registerRows,
  signUp,
  syncStatus,
  waitForOfflineReady,
  waitForSynced,
  waitUntil,
} from './support/app';
import { Api, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, PHONE, screenshot, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/**
 * Two devices of one household (A: desktop, B: phone-sized) and a stranger (C) against the
 * real built server: live sync, offline edits merged per field, offline reload, isolation.
 */
describe('FinWise in two browsers of one household', () => {
  let server: RunningServer;
  let api: Api;
  let a: Device;
  let b: Device;
  const ann = { email: uniqueEmail('ann'), password: PASSWORD, tenantName: 'Lovelace household' };
  const bob = { email: uniqueEmail('bob'), password: PASSWORD };
  const account = 'Giro';

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    [a, b] = await Promise.all([openDevice('a'), openDevice('b', { viewport: PHONE })]);

    // Ann signs up and sets the household up through the UI.
    await a.page.goto(`${server.url}/signup`);
    await screenshot(a.page, 'sign-up');
    await signUp(a.page, server.url, ann);
    await a.page.getByLabel('Name', { exact: true }).first().fill(account);
    await a.page.getByRole('button', { name: 'Open account' }).click();
    await a.page.getByRole('link', { name: account, exact: true }).waitFor();

    await a.page.getByRole('link', { name: 'Categories', exact: true }).click();
    const categoryForm = a.page.locator('fw-category-form').last();
    for (const [name, group] of [
      ['Groceries', 'Living'],
      ['Eating out', 'Living'],
      ['Rent', 'Home'],
    ]) {
      await categoryForm.getByLabel('Name').fill(name);
      await categoryForm.getByLabel('Group').fill(group);
      await categoryForm.getByRole('button', { name: 'Add category' }).click();
      await a.page.locator('.category-list__name', { hasText: name }).waitFor();
    }
    await screenshot(a.page, 'categories');

    // Ann invites Bob; Bob opens the invite link on his phone and creates his account.
    await a.page.getByRole('link', { name: 'Settings', exact: true }).click();
    await a.page.getByRole('button', { name: 'Create invite code' }).click();
    const code = (await a.page.locator('[data-test="invite-code"]').innerText()).trim();
    await screenshot(a.page, 'settings');

    await b.page.goto(`${server.url}/join?code=${encodeURIComponent(code)}`);
    await b.page.waitForURL(/\/signup\?code=/);
    expect(await b.page.locator('#login-invite-code').inputValue()).toBe(code);
    await screenshot(b.page, 'join-household-phone');
    await signUp(b.page, server.url, bob, `/signup?code=${encodeURIComponent(code)}`);
    await b.page.getByRole('link', { name: account, exact: true }).waitFor({ timeout: 30_000 });

    await openRegister(a.page, server.url, account);
    await openRegister(b.page, server.url, account);
    await Promise.all([waitForSynced(a.page), waitForSynced(b.page)]);
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

  it('1. shows a transaction added in A in B without reload, and only once in A', async () => {
    await addTransaction(a.page, {
      payee: 'Bakery Sonnenschein',
      amount: '-4.20',
      category: 'Groceries',
    });

    await registerRows(b.page, 'Bakery Sonnenschein').first().waitFor({ timeout: 30_000 });
    await waitForSynced(a.page);
    // Give a duplicate (our own change echoed back) the time to show up before counting.
    await a.page.waitForTimeout(1500);
    expect(await registerRows(a.page, 'Bakery Sonnenschein').count()).toBe(1);
    expect(await registerRows(b.page, 'Bakery Sonnenschein').count()).toBe(1);
    expect(await amountOf(registerRows(b.page, 'Bakery Sonnenschein'))).toBe(
      '-$4.20'.replace('$', '€'),
    );
    await screenshot(a.page, 'register');
    await screenshot(b.page, 'register-phone');
  });

  it('2. merges an offline amount edit in B with a payee edit in A', async () => {
    await addTransaction(a.page, { payee: 'Corner shop', amount: '-10.00' });
    await registerRows(b.page, 'Corner shop').first().waitFor({ timeout: 30_000 });
    await waitForSynced(b.page);

    await b.context.setOffline(true);
    await expectOffline(b.page, 0);
    await editTransaction(b.page, 'Corner shop', { amount: '-25.50' });
    await expectOffline(b.page, 1);
    await screenshot(b.page, 'offline-pending-phone');

    await editTransaction(a.page, 'Corner shop', { payee: 'Corner Shop Ltd' });
    await waitForSynced(a.page);
    // B is offline: A's edit must not reach it, and B's edit must not reach A.
    await b.page.waitForTimeout(1500);
    expect(await registerRows(b.page, 'Corner shop').count()).toBe(1);
    expect(await amountOf(registerRows(a.page, 'Corner Shop Ltd'))).toBe('-€10.00');

    await b.context.setOffline(false);
    await waitForSynced(b.page);
    for (const device of [a, b]) {
      await waitUntil(`${device.name} shows the new payee with the new amount`, async () => {
        const rows = registerRows(device.page, 'Corner Shop Ltd');
        return (await rows.count()) === 1 && (await amountOf(rows)) === '-€25.50';
      });
      expect(await registerRows(device.page, 'Corner shop').count()).toBe(0);
    }
  });

  it('3. reloads B offline with its data, and syncs a new row and an edit made then once online', async () => {
    await waitForOfflineReady(b.page);
    await b.context.setOffline(true);
    await b.page.reload();

    await b.page.getByRole('heading', { level: 1, name: account }).waitFor({ timeout: 30_000 });
    await registerRows(b.page, 'Corner Shop Ltd').waitFor({ timeout: 30_000 });
    await registerRows(b.page, 'Bakery Sonnenschein').waitFor();
    await expectOffline(b.page, 0);

    await addTransaction(b.page, { payee: 'Market stall', amount: '-7.30' });
    await registerRows(b.page, 'Market stall').waitFor();
    // A new payee is a row of its own, written before the transaction that names it.
    await expectOffline(b.page, 2);
    // An existing row, loaded from this device's database after the offline reload, edited in place.
    await editTransaction(b.page, 'Bakery Sonnenschein', { amount: '-5.20' });
    expect(await amountOf(registerRows(b.page, 'Bakery Sonnenschein'))).toBe('-€5.20');
    await expectOffline(b.page, 3);
    await screenshot(b.page, 'offline-reload-phone');
    await a.page.waitForTimeout(1500);
    expect(await registerRows(a.page, 'Market stall').count()).toBe(0);
    expect(await amountOf(registerRows(a.page, 'Bakery Sonnenschein'))).toBe('-€4.20');

    await b.context.setOffline(false);
    await waitForSynced(b.page);
    await registerRows(a.page, 'Market stall').waitFor({ timeout: 30_000 });
    expect(await amountOf(registerRows(a.page, 'Market stall'))).toBe('-€7.30');
    expect(await registerRows(a.page, 'Market stall').count()).toBe(1);
    await waitUntil('A shows the amount B changed offline', async () => {
      const rows = registerRows(a.page, 'Bakery Sonnenschein');
      return (await rows.count()) === 1 && (await amountOf(rows)) === '-€5.20';
    });
  });

  it('shows the other main screens (accounts, budget) with the synced data', async () => {
    await a.page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await a.page.getByRole('link', { name: account, exact: true }).waitFor();
    // 5.20 + 25.50 + 7.30 spent.
    expect(await a.page.locator('[data-test="net-worth"]').innerText()).toBe('-€38.00');
    await screenshot(a.page, 'accounts');

    // A signed-in member opening the join screen (to join another household with a code).
    await a.page.getByRole('link', { name: 'Settings', exact: true }).click();
    await a.page.getByRole('link', { name: /Join another household/ }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Join a household' }).waitFor();
    await a.page
      .getByText(/You are in\s+Lovelace household/)
      .first()
      .waitFor();
    await screenshot(a.page, 'join-signed-in');
    await a.page.getByRole('link', { name: 'Cancel' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    await a.page.getByRole('link', { name: 'Budget', exact: true }).click();
    const groceries = a.page.getByLabel('Budgeted for Groceries');
    await groceries.fill('100');
    await groceries.press('Enter');
    await waitForSynced(a.page);
    await a.page.getByRole('figure').getByText('Groceries').waitFor();
    await screenshot(a.page, 'budget');

    await b.page.getByRole('link', { name: 'Budget', exact: true }).click();
    await waitUntil(
      'B sees the budgeted amount',
      async () => (await b.page.getByLabel('Budgeted for Groceries').inputValue()) === '100.00',
    );
    await screenshot(b.page, 'budget-phone');
    expect(await syncStatus(b.page).innerText()).toMatch(/Last synced/);
  });

  it('5. shows a user of another household none of it', async () => {
    const c = await openDevice('c');
    try {
      const carol = { email: uniqueEmail('carol'), password: PASSWORD };
      await signUp(c.page, server.url, carol);
      await waitForSynced(c.page);
      await c.page.getByText('No accounts yet').waitFor();
      expect(await c.page.getByRole('link', { name: account, exact: true }).count()).toBe(0);

      const annSession = await a.page.evaluate(
        () => JSON.parse(localStorage.getItem('finwise.session') ?? 'null') as unknown,
      );
      const carolSession = (await c.page.evaluate(
        () => JSON.parse(localStorage.getItem('finwise.session') ?? 'null') as unknown,
      )) as ApiSession;
      const annAccounts = await api.list<{ id: string; name: string }>(
        annSession as ApiSession,
        'accounts',
      );
      const giro = annAccounts.find((row) => row.name === account);
      expect(giro).toBeDefined();

      // Even with the id, the other household's account is unknown to Carol.
      await c.page.goto(`${server.url}/accounts/${giro?.id}`);
      await c.page.getByRole('heading', { name: 'Account not found' }).waitFor();
      expect(await c.page.content()).not.toContain('Bakery Sonnenschein');
      await expect(
        api.request('GET', `/accounts/${giro?.id}`, undefined, carolSession.accessToken),
      ).rejects.toThrow('404');
      expect(await api.list(carolSession, 'transactions')).toEqual([]);
      expect(await api.list(carolSession, 'categories')).toEqual([]);
      const databases = await c.page.evaluate(async () =>
        (await indexedDB.databases()).map((db) => db.name),
      );
      expect(databases).toEqual([`finwise-${carolSession.tenant.id}`]);
      await screenshot(c.page, 'other-household');
      expectNoCspViolations(c.errors);
    } finally {
      await c.close();
    }
  });
});
