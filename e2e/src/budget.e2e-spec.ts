import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  expectNoCspViolations,
  expectOffline,
  setSuggestedCategories,
  waitForOfflineReady,
  waitForSynced,
  waitUntil,
} from './support/app';
import { Api, createMutation, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, PHONE, screenshot, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const MONTH = '2025-06';

/**
 * The envelope budget in a real browser: a household that chose USD at sign-up budgets, moves
 * money, covers an overspent category from a menu with the keyboard and holds money for next
 * month; the numbers are checked on screen, on the server, at phone width and offline.
 */
describe('the budget of one household', () => {
  let server: RunningServer;
  let api: Api;
  let device: Device;
  let page: Page;
  let session: ApiSession;
  const ann = { email: uniqueEmail('ann'), password: PASSWORD };
  const ids: Record<string, string> = {};

  const shown = async (name: string): Promise<string> =>
    ((await page.locator(`[data-test="${name}"]`).first().textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  const available = async (category: string): Promise<string> =>
    (
      (await page
        .locator(`tr[data-category="${ids[category]}"] [data-test="available"]`)
        .textContent()) ?? ''
    )
      .replace(/[\s▾]+/g, ' ')
      .trim();
  const expectShown = (name: string, value: string) =>
    waitUntil(`${name} shows ${value}`, async () => (await shown(name)) === value, 15_000);
  const expectAvailable = (category: string, value: string) =>
    waitUntil(
      `${category} has ${value} available`,
      async () => (await available(category)) === value,
      15_000,
    );

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    device = await openDevice('budget');
    page = device.page;

    // Sign-up asks for the budget currency and writes it as the household's settings row.
    await page.goto(`${server.url}/signup`);
    await page.locator('#login-email').fill(ann.email);
    await page.locator('#login-password').fill(ann.password);
    await page.getByLabel('Budget currency').selectOption('USD');
    // This household builds its own categories.
    await setSuggestedCategories(page, false);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/accounts$/, { timeout: 15_000 });
    session = (await page.evaluate(() =>
      JSON.parse(localStorage.getItem('finwise.session') ?? 'null'),
    )) as ApiSession;

    const account = createMutation('accounts', {
      name: 'Checking',
      groupId: null,
      type: 'checking',
      currency: 'USD',
      onBudget: true,
      closed: false,
      sortOrder: 10,
      note: null,
    });
    const category = (name: string, groupName: string, sortOrder: number, isIncome = false) => {
      const mutation = createMutation('categories', {
        name,
        groupName,
        isIncome,
        hidden: false,
        sortOrder,
        carryOverspending: false,
      });
      ids[name] = mutation.data.id;
      return mutation;
    };
    const categories = [
      category('Groceries', 'Living', 10),
      category('Fun', 'Living', 20),
      category('Rent', 'Home', 30),
      category('Salary', 'Income', 40, true),
    ];
    const spend = (date: string, amountMinor: number, categoryName: string) =>
      createMutation('transactions', {
        accountId: account.data.id,
        date,
        amountMinor,
        categoryId: ids[categoryName],
        notes: null,
        cleared: false,
        reconciled: false,
      });
    await api.push(session, [
      account,
      ...categories,
      spend(`${MONTH}-01`, 300_000, 'Salary'),
      spend(`${MONTH}-04`, -35_000, 'Groceries'),
      spend(`${MONTH}-05`, -2_000, 'Fun'),
    ]);
    await waitForSynced(page);
  });

  afterAll(async () => {
    if (device) {
      expectNoCspViolations(device.errors);
      await device.close();
    }
    await server?.stop();
  });

  it('budgets categories by typing, Enter saving each and going on to the next', async () => {
    await page.goto(`${server.url}/budget/${MONTH}`);
    await page.getByRole('heading', { level: 1, name: 'Budget · June 2025' }).waitFor();
    await expectShown('to-budget', '$3,000.00');

    await page.getByLabel('Budgeted for Groceries').fill('300');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`budget-${ids['Fun']}`);
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1200');
    await page.keyboard.press('Enter');

    await expectShown('to-budget', '$1,400.00');
    await expectShown('total-budgeted', '-$1,600.00');
    await expectAvailable('Groceries', '-$50.00');
    await expectAvailable('Fun', '$80.00');
    await expectAvailable('Rent', '$1,200.00');
  });

  it('moves money between categories in the move dialog', async () => {
    await page.getByRole('button', { name: 'Move money…' }).click();
    const dialog = page.getByRole('dialog', { name: /Move money/ });
    await dialog.getByLabel('From').selectOption({ label: 'Rent ($1,200.00)' });
    await dialog.getByLabel('To').selectOption({ label: 'Fun' });
    await dialog.getByLabel('Amount').fill('50');
    await dialog.getByLabel('Amount').press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    await expectAvailable('Fun', '$130.00');
    await expectAvailable('Rent', '$1,150.00');
    await expectShown('to-budget', '$1,400.00');
  });

  it('covers the overspent category from the menu on its amount, by keyboard', async () => {
    const trigger = page.getByRole('button', { name: /Cover overspending of Groceries/ });
    await trigger.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('menu').waitFor();
    expect(await page.getByRole('menuitem').allInnerTexts()).toHaveLength(3);
    // To Budget, Fun, Rent: the second item is Fun.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await expectAvailable('Groceries', '$0.00');
    await expectAvailable('Fun', '$80.00');
    await expectShown('budget-notice', 'Covered $50.00 of Groceries from Fun.');
    await expectShown('to-budget', '$1,400.00');
  });

  it('holds money for next month, clamped to what is left, and next month receives it', async () => {
    await page.getByRole('button', { name: 'Hold for next month…' }).click();
    await page.getByLabel('Amount to hold for next month').fill('400');
    await page.getByLabel('Amount to hold for next month').press('Enter');
    await expectShown('held', '-$400.00');
    await expectShown('to-budget', '$1,000.00');
    await screenshot(page, 'budget-actions');

    await page.getByRole('link', { name: 'Next month' }).click();
    await page.getByRole('heading', { level: 1, name: 'Budget · July 2025' }).waitFor();
    await expectShown('from-last-month', '$1,400.00');
    await expectShown('to-budget', '$1,400.00');
    await expectAvailable('Fun', '$80.00');
    await page.getByRole('link', { name: 'Previous month' }).click();
    await page.getByRole('heading', { level: 1, name: 'Budget · June 2025' }).waitFor();
  });

  it('stored every action as its rows on the server', async () => {
    await waitForSynced(page);
    const settings = await api.list<{ budgetCurrency: string }>(session, 'settings');
    expect(settings.map((row) => row.budgetCurrency)).toEqual(['USD']);
    const budgets = await api.list<{ month: string; budgetedMinor: number }>(session, 'budgets');
    expect(budgets.map((row) => row.budgetedMinor).sort((a, b) => a - b)).toEqual([
      10_000, 30_000, 120_000,
    ]);
    const moves = await api.list<{
      fromCategoryId: string;
      toCategoryId: string;
      amountMinor: number;
    }>(session, 'budget_moves');
    expect(moves.map((move) => [move.fromCategoryId, move.toCategoryId, move.amountMinor])).toEqual(
      expect.arrayContaining([
        [ids['Rent'], ids['Fun'], 5_000],
        [ids['Fun'], ids['Groceries'], 5_000],
      ]),
    );
    expect(moves).toHaveLength(2);
    const held = await api.list<{ month: string; heldMinor: number }>(session, 'budget_months');
    expect(held.map((row) => [row.month, row.heldMinor])).toEqual([[MONTH, 40_000]]);
  });

  it("agrees with the server's budget of the month, computed from the same rows in SQL", async () => {
    const budget = await api.request<{
      currency: string;
      toBudget: number;
      held: number;
      totalBudgeted: number;
      categories: { categoryId: string; available: number }[];
    }>('GET', `/budget/${MONTH}`, undefined, session.accessToken);
    expect(budget).toMatchObject({
      currency: 'USD',
      toBudget: 100_000,
      held: 40_000,
      totalBudgeted: 160_000,
    });
    const availableOf = (name: string) =>
      budget.categories.find((category) => category.categoryId === ids[name])?.available;
    expect([availableOf('Groceries'), availableOf('Fun'), availableOf('Rent')]).toEqual([
      0, 8_000, 115_000,
    ]);
  });

  it('fits a phone: category, budgeted and available without sideways scrolling', async () => {
    await page.setViewportSize(PHONE);
    await page.getByRole('columnheader', { name: 'Available' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Activity' }).isVisible()).toBe(false);
    expect(await page.getByRole('columnheader', { name: 'Budgeted' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    // Activity moves into the category's details.
    await page.getByRole('button', { name: 'Groceries', exact: true }).click();
    expect(await shown('detail-activity')).toBe('-$350.00');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(page, 'budget-phone');
  });

  it('shows the same budget after a reload offline', async () => {
    await waitForOfflineReady(page);
    await device.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Budget · June 2025' }).waitFor({
      timeout: 30_000,
    });
    await expectOffline(page, 0);
    await expectShown('to-budget', '$1,000.00');
    await expectShown('held', '-$400.00');
    await expectAvailable('Groceries', '$0.00');
    await expectAvailable('Fun', '$80.00');
    await expectAvailable('Rent', '$1,150.00');
    await device.context.setOffline(false);
  });
});
