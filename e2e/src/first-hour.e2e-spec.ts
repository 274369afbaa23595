import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoCspViolations, registerRows, waitForSynced, waitUntil } from './support/app';
import { Api, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, type Device } from './support/browser';
import { payeeIdFor, starterCategoryId } from './support/ids';
import { startServer, type RunningServer } from './support/server';

interface Row {
  id: string;
  name?: string;
  [field: string]: unknown;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: unknown[] }[];
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

const STARTER_EXPENSES = ['groceries', 'rent-mortgage', 'emergency-fund', 'medical'];

/**
 * A new user's first hour: sign-up with the suggested categories, an account opened with its
 * starting balance (which becomes money to budget), and a starting balance that is not a number.
 */
describe('the first hour of a new household', () => {
  let server: RunningServer;
  let api: Api;
  let device: Device;
  let page: Page;
  let session: ApiSession;
  const ann = { email: uniqueEmail('first-hour'), password: PASSWORD };

  const newAccount = () => page.locator('.new-account');

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    device = await openDevice('first-hour');
    page = device.page;
  });

  afterAll(async () => {
    if (device) {
      expectNoCspViolations(device.errors);
      await device.close();
    }
    await server?.stop();
  });

  it('signs up with the suggested categories, shown on the categories and budget pages', async () => {
    await page.goto(`${server.url}/signup`);
    await page.locator('#login-email').fill(ann.email);
    await page.locator('#login-password').fill(ann.password);
    expect(await page.getByLabel('Start with suggested categories').isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/accounts$/, { timeout: 15_000 });
    session = (await page.evaluate(() =>
      JSON.parse(localStorage.getItem('finwise.session') ?? 'null'),
    )) as ApiSession;

    // The empty accounts page leads to the new account's form.
    await page.getByRole('button', { name: 'Add an account' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('formcontrolname'))).toBe(
      'name',
    );

    await page.goto(`${server.url}/categories`);
    for (const group of ['Bills', 'Everyday', 'Savings goals', 'Income']) {
      await page.locator(`[data-group="${group}"]`).waitFor({ timeout: 15_000 });
    }
    const categoriesText = await page.locator('main').innerText();
    for (const name of ['Rent/Mortgage', 'Groceries', 'Emergency fund', 'Starting balances']) {
      expect(categoriesText).toContain(name);
    }

    await page.goto(`${server.url}/budget`);
    for (const key of STARTER_EXPENSES) {
      await page
        .locator(`tr[data-category="${starterCategoryId(key)}"]`)
        .waitFor({ timeout: 15_000 });
    }

    // On the server with their deterministic ids, once each.
    await waitForSynced(page);
    const stored = await api.list<Row>(session, 'categories');
    expect(stored).toHaveLength(20);
    expect(stored.find((row) => row.id === starterCategoryId('starting-balances'))).toMatchObject({
      name: 'Starting balances',
      isIncome: true,
    });
  });

  it('refuses a starting balance that is not a number and creates nothing', async () => {
    await page.goto(`${server.url}/accounts`);
    await newAccount().getByLabel('Name').fill('Checking');
    await newAccount().getByLabel('Starting balance').fill('a lot');
    await newAccount().getByRole('button', { name: 'Open account' }).click();
    await newAccount().getByText('Enter a number such as -12.50.').waitFor();
    expect(await newAccount().getByLabel('Starting balance').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await seriousViolations(page)).toEqual([]);
    // At phone width the form, its message included, fits without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await waitForSynced(page);
    expect(await api.list<Row>(session, 'accounts')).toEqual([]);
    expect(await api.list<Row>(session, 'transactions')).toEqual([]);

    // Corrected, the message goes at once.
    await newAccount().getByLabel('Starting balance').fill('1234.56');
    await newAccount().getByText('Enter a number such as -12.50.').waitFor({ state: 'detached' });
  });

  it('books the starting balance as money to budget and a cleared register row', async () => {
    await newAccount().getByRole('button', { name: 'Open account' }).click();
    await page.getByRole('link', { name: 'Checking', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Checking' }).waitFor({ timeout: 15_000 });
    const row = registerRows(page, 'Starting balance');
    await row.first().waitFor({ timeout: 15_000 });
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('checkbox', { name: /^Cleared/ }).isChecked()).toBe(true);
    expect(await row.innerText()).toContain('1,234.56');

    await page.goto(`${server.url}/budget`);
    await waitUntil(
      'To Budget shows the starting balance',
      async () =>
        ((await page.locator('[data-test="to-budget"]').first().textContent()) ?? '').trim() ===
        '€1,234.56',
      15_000,
    );

    await waitForSynced(page);
    const [transaction] = await api.list<Row>(session, 'transactions');
    expect(transaction).toMatchObject({
      amountMinor: 123_456,
      cleared: true,
      payeeId: payeeIdFor('Starting balance'),
      categoryId: starterCategoryId('starting-balances'),
    });
  });
});
