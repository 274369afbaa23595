import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { expectNoCspViolations, signIn, waitForSynced, waitUntil } from './support/app';
import { Api, createMutation, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, PHONE, screenshot, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/**
 * The reports page in a real browser: a household with spending in two months opens Reports,
 * picks the months, reads the spending table (the same numbers the server's report gives), sees
 * the charts drawn, narrows the range, and watches the table follow a transaction that another
 * device adds, without a reload; then the page at phone width.
 */
describe('the reports of one household', () => {
  let server: RunningServer;
  let api: Api;
  let device: Device;
  let page: Page;
  let session: ApiSession;
  const ann = { email: uniqueEmail('ann'), password: PASSWORD };
  const ids: Record<string, string> = {};

  const spendingSection = () => page.locator('section[aria-labelledby="spending-title"]');
  const spendingTable = () => page.locator('[data-test="spending-table"]');

  /** A table's cells, row by row, spaces collapsed. */
  const cells = (table: Locator): Promise<string[][]> =>
    table.evaluate((element) =>
      Array.from(element.querySelectorAll('tr'), (row) =>
        Array.from(
          row.querySelectorAll('th, td'),
          (cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        ),
      ),
    );

  const expectSpendingRows = (rows: string[][]) =>
    waitUntil(
      `the spending table reads ${JSON.stringify(rows)}`,
      async () => JSON.stringify(await cells(spendingTable())) === JSON.stringify(rows),
      15_000,
    );

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    device = await openDevice('reports');
    page = device.page;
    session = await api.signUp({ ...ann, tenantName: 'The Reporting Household' });

    const account = createMutation('accounts', {
      name: 'Checking',
      groupId: null,
      type: 'checking',
      currency: 'EUR',
      onBudget: true,
      closed: false,
      sortOrder: 10,
      note: null,
    });
    ids['Checking'] = account.data.id;
    const category = (name: string, sortOrder: number, isIncome = false) => {
      const mutation = createMutation('categories', {
        name,
        groupName: isIncome ? 'Income' : 'Living',
        isIncome,
        hidden: false,
        sortOrder,
        carryOverspending: false,
      });
      ids[name] = mutation.data.id;
      return mutation;
    };
    await api.push(session, [
      account,
      category('Groceries', 10),
      category('Rent', 20),
      category('Salary', 30, true),
      spend('2025-05-01', 300_000, 'Salary'),
      spend('2025-05-02', -120_000, 'Rent'),
      spend('2025-05-10', -4_250, 'Groceries'),
      spend('2025-06-02', -120_000, 'Rent'),
      spend('2025-06-12', -6_000, 'Groceries'),
    ]);
    await signIn(page, server.url, ann);
    await waitForSynced(page);
  });

  afterAll(async () => {
    if (device) {
      expectNoCspViolations(device.errors);
      await device.close();
    }
    await server?.stop();
  });

  function spend(date: string, amountMinor: number, categoryName: string) {
    return createMutation('transactions', {
      accountId: ids['Checking'],
      date,
      amountMinor,
      categoryId: ids[categoryName],
      notes: null,
      cleared: false,
      reconciled: false,
    });
  }

  it('shows the spending of the months picked, as the server reports it', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByLabel('From', { exact: true }).fill('2025-05');
    await page.getByLabel('To', { exact: true }).fill('2025-06');
    await spendingSection().getByText('Show as table').click();

    await expectSpendingRows([
      ['Month', 'Groceries', 'Rent', 'Total'],
      ['May 2025', '€42.50', '€1,200.00', '€1,242.50'],
      ['Jun 2025', '€60.00', '€1,200.00', '€1,260.00'],
      ['All months', '€102.50', '€2,400.00', '€2,502.50'],
    ]);
    const reported = await api.request<{
      categories: { name: string; amounts: number[] }[];
      totals: number[];
    }>('GET', '/reports/spending?from=2025-05&to=2025-06', undefined, session.accessToken);
    expect(reported.categories.map((line) => [line.name, line.amounts])).toEqual([
      ['Groceries', [4_250, 6_000]],
      ['Rent', [120_000, 120_000]],
    ]);
    expect(reported.totals).toEqual([124_250, 126_000]);
    await screenshot(page, 'reports');
  });

  it('draws the charts on their canvases, each named for a screen reader', async () => {
    const canvas = spendingSection().locator('canvas');
    expect(await canvas.getAttribute('aria-label')).toContain(
      'spending by category in EUR per month, May 2025 to Jun 2025',
    );
    await waitUntil('the spending chart has painted pixels', () =>
      canvas.evaluate((element: HTMLCanvasElement) => {
        const context = element.getContext('2d');
        if (!context || element.width === 0 || element.height === 0) return false;
        const { data } = context.getImageData(0, 0, element.width, element.height);
        // Any pixel that is not fully transparent: the bars, the axes or their labels.
        for (let index = 3; index < data.length; index += 4) if (data[index] > 0) return true;
        return false;
      }),
    );
    expect(await page.locator('canvas').count()).toBe(3);
  });

  it('follows a narrower range', async () => {
    await page.getByLabel('From', { exact: true }).fill('2025-06');
    await expectSpendingRows([
      ['Month', 'Groceries', 'Rent', 'Total'],
      ['Jun 2025', '€60.00', '€1,200.00', '€1,260.00'],
      ['All months', '€60.00', '€1,200.00', '€1,260.00'],
    ]);
    await page.getByLabel('To', { exact: true }).fill('2025-04');
    await page.getByText('The last month must not be before the first.').waitFor();
    await page.getByLabel('To', { exact: true }).fill('2025-06');
  });

  it('updates live when another device adds a transaction', async () => {
    await api.push(session, [spend('2025-06-20', -1_000, 'Groceries')]);
    await expectSpendingRows([
      ['Month', 'Groceries', 'Rent', 'Total'],
      ['Jun 2025', '€70.00', '€1,200.00', '€1,270.00'],
      ['All months', '€70.00', '€1,200.00', '€1,270.00'],
    ]);
  });

  it('fits a phone: charts as wide as the screen, the page never scrolls sideways', async () => {
    await page.setViewportSize(PHONE);
    await waitUntil('the chart has shrunk to the phone', async () => {
      const width = await spendingSection()
        .locator('canvas')
        .evaluate((element) => element.getBoundingClientRect().width);
      return width > 0 && width < PHONE.width;
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(page, 'reports-phone');
  });
});
