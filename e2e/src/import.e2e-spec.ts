import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  expectNoCspViolations,
  expectOffline,
  openRegister,
  registerRows,
  signIn,
  waitForSynced,
  waitUntil,
} from './support/app';
import { Api, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, PHONE, screenshot, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/** A bank export whose headers name nothing FinWise knows: the columns are chosen once. */
const STATEMENT = [
  'Booked on;Counterparty;Value (EUR);Reference',
  '02.03.2026;Bakery Sonnenschein;-4,50;Bread',
  '05.03.2026;Employer GmbH;2.500,00;March salary',
  '09.03.2026;Corner shop;-17,30;',
].join('\r\n');

const file = { name: 'giro-march.csv', mimeType: 'text/csv', buffer: Buffer.from(STATEMENT) };

/**
 * A bank file imported in the browser of a device that is offline (A): the columns mapped by
 * keyboard, the preview, the import written locally; another device of the household (B, a
 * phone) gets the rows once A is back online, and reads the same file with A's mapping, finding
 * every line already there.
 */
describe('importing a bank file offline', () => {
  let server: RunningServer;
  let api: Api;
  let session: ApiSession;
  let a: Device;
  let b: Device;
  const ann = { email: uniqueEmail('import'), password: PASSWORD };
  const account = 'Giro';

  const summary = (page: Page) => page.locator('[data-test="import-summary"]').innerText();

  async function openImport(page: Page): Promise<void> {
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Import into ${account}` }).waitFor();
  }

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    session = await api.signUp(ann);
    [a, b] = await Promise.all([
      openDevice('import-a'),
      openDevice('import-b', { viewport: PHONE }),
    ]);
    await signIn(a.page, server.url, ann);
    await a.page.getByLabel('Name', { exact: true }).first().fill(account);
    await a.page.getByRole('button', { name: 'Open account' }).click();
    await a.page.getByRole('link', { name: account, exact: true }).waitFor();
    await signIn(b.page, server.url, ann);
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

  it('imports through the page while offline, mapping the columns by keyboard', async () => {
    await openImport(a.page);
    await a.context.setOffline(true);
    await expectOffline(a.page, 0);

    await a.page.setInputFiles('#import-file', file);
    await a.page.locator('[data-test="must-choose"]').waitFor();
    expect(await a.page.locator('[data-test="must-choose"]').innerText()).toContain(
      'the date and amount columns',
    );
    // Keyboard only: focus the select, pick with the arrow keys.
    const date = a.page.getByLabel('Date column');
    await date.focus();
    await a.page.keyboard.press('ArrowDown');
    expect(await date.inputValue()).toBe('0');
    await a.page
      .getByLabel('Amount column', { exact: true })
      .selectOption({ label: 'Value (EUR)' });
    await a.page.getByLabel(/^Payee column/).selectOption({ label: 'Counterparty' });
    await a.page.getByLabel(/^Notes column/).selectOption({ label: 'Reference' });
    await waitUntil('the preview shows three new lines', async () =>
      /3 lines: 3 new/.test(await summary(a.page)),
    );
    const salary = a.page.locator('.preview__row[data-line="3"]');
    expect(await salary.innerText()).toMatch(/New[\s\S]*Mar 5, 2026[\s\S]*05\.03\.2026/);
    expect(await salary.innerText()).toContain('€2,500.00');
    await screenshot(a.page, 'import-preview');

    await a.page.getByRole('button', { name: 'Import 3 transactions' }).click();
    await a.page.locator('[data-test="import-result"]').waitFor();
    expect(await a.page.locator('[data-test="import-result"]').innerText()).toBe(
      '3 added, 0 matched, 0 duplicates skipped.',
    );
    // Three payees, three rows and the account's import options wait for the network.
    await expectOffline(a.page, 7);

    await a.page.getByRole('link', { name: `Back to ${account}` }).click();
    await a.page.getByRole('heading', { level: 1, name: account }).waitFor();
    await registerRows(a.page, 'Employer GmbH').waitFor();

    await b.page.waitForTimeout(1500);
    expect(await registerRows(b.page, 'Employer GmbH').count()).toBe(0);
    expect(await api.list(session, 'transactions')).toEqual([]);
  });

  it('reaches the other device once back online', async () => {
    await a.context.setOffline(false);
    await waitForSynced(a.page);
    for (const payee of ['Bakery Sonnenschein', 'Employer GmbH', 'Corner shop']) {
      await registerRows(b.page, payee).waitFor({ timeout: 30_000 });
      expect(await registerRows(b.page, payee).count()).toBe(1);
    }
    const rows = await api.list<{ importedId: string | null }>(session, 'transactions');
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.importedId?.startsWith('syn:'))).toBe(true);
  });

  it('reads the file on the other device with the remembered mapping, and adds nothing again', async () => {
    await openImport(b.page);
    await b.page.setInputFiles('#import-file', file);
    await waitUntil('the preview shows every line as already there', async () =>
      /3 lines: 0 new, 0 matching, 3 duplicate/.test(await summary(b.page)),
    );
    expect(await b.page.locator('[data-test="must-choose"]').count()).toBe(0);
    const button = b.page.locator('[data-test="import-run"]');
    expect(await button.innerText()).toBe('Nothing to import');
    expect(await button.isDisabled()).toBe(true);
    await screenshot(b.page, 'import-duplicates-phone');
  });
});
