import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoCspViolations, openRegister, signIn, waitUntil } from './support/app';
import {
  Api,
  createMutation,
  PASSWORD,
  uniqueEmail,
  type ApiSession,
  type PushMutation,
} from './support/api';
import { openDevice, PHONE, screenshot, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const TRANSACTIONS = 2000;
const BATCH = 500;
const ACCOUNT = 'Everyday';
const DAY_MS = 86_400_000;
/** One row with an amount no other row has (the others stay under €250). */
const SPECIAL_AT = 1500;
const SPECIAL_MINOR = -123_456;

interface Seeded {
  date: string;
  payee: string;
  cleared: boolean;
}

/** Searching and filtering a register of a few thousand rows, by keyboard, on desktop and phone. */
describe('register search and filters', () => {
  let server: RunningServer;
  let device: Device;
  const owner = { email: uniqueEmail('sam'), password: PASSWORD };
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    const started = Date.now();
    server = await startServer();
    const api = new Api(server.url);
    const session: ApiSession = await api.signUp({ ...owner, tenantName: 'Searching household' });
    const account = createMutation('accounts', {
      name: ACCOUNT,
      groupId: null,
      type: 'checking',
      currency: 'EUR',
      onBudget: true,
      closed: false,
      sortOrder: 10,
      note: null,
    });
    const groceries = createMutation('categories', {
      name: 'Groceries',
      groupName: 'Everyday',
      isIncome: false,
      hidden: false,
      sortOrder: 1,
      carryOverspending: false,
    });
    const payeeNames = ['Corner Bakery', ...Array.from({ length: 40 }, (_, n) => `Shop ${n}`)];
    const payees = new Map(
      payeeNames.map((name) => [name, createMutation('payees', { name, favorite: false })]),
    );
    await api.push(session, [account, groceries, ...payees.values()]);

    const start = Date.UTC(2025, 0, 1);
    const mutations: PushMutation[] = [];
    for (let i = 0; i < TRANSACTIONS; i += 1) {
      const row: Seeded = {
        date: new Date(start + Math.floor((i * 365) / TRANSACTIONS) * DAY_MS)
          .toISOString()
          .slice(0, 10),
        payee: i % 100 === 7 ? 'Corner Bakery' : `Shop ${i % 40}`,
        cleared: i % 250 !== 7,
      };
      seeded.push(row);
      mutations.push(
        createMutation('transactions', {
          accountId: account.data.id,
          date: row.date,
          amountMinor: i === SPECIAL_AT ? SPECIAL_MINOR : -((i * 7919) % 25_000) - 1,
          payeeId: payees.get(row.payee)?.data.id ?? null,
          notes: i % 100 === 7 ? `Sourdough loaf ${i}` : null,
          categoryId: i % 2 === 0 ? groceries.data.id : null,
          cleared: row.cleared,
          reconciled: false,
        }),
      );
    }
    for (let offset = 0; offset < mutations.length; offset += BATCH) {
      await api.push(session, mutations.slice(offset, offset + BATCH));
    }
    device = await openDevice('searcher');
    process.stdout.write(`register search: server and seed ${Date.now() - started} ms\n`);
  });

  afterAll(async () => {
    if (device) {
      expectNoCspViolations(device.errors);
      await device.close();
    }
    await server?.stop();
  });

  const count = (page: Page) => page.locator('[data-test="register-count"]');
  const box = (page: Page) => page.locator('[data-test="register-search"]');
  const matching = (n: number) => `${n} of ${TRANSACTIONS} transactions match, newest first`;

  async function expectCount(page: Page, text: string): Promise<void> {
    await waitUntil(
      `the register says "${text}"`,
      async () => (await count(page).innerText()).replace(/\s+/g, ' ').trim() === text,
    );
  }

  /** The payee column of every rendered row (the virtual scroll renders the first screenful). */
  async function shownPayees(page: Page): Promise<string[]> {
    return page
      .locator('.register__row[data-kind="entry"] .register__payee')
      .evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').trim()));
  }

  it('finds rows by payee and amount, filters uncleared rows and a date range, clears on Escape', async () => {
    const { page } = device;
    await signIn(page, server.url, owner);
    await openRegister(page, server.url, ACCOUNT);
    await expectCount(page, `${TRANSACTIONS} transactions, newest first`);

    // "/" from the page (not a field) jumps to the search box.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await box(page).evaluate((element) => element === document.activeElement)).toBe(true);

    const bakery = seeded.filter((row) => row.payee === 'Corner Bakery').length;
    await page.keyboard.type('bakery');
    await expectCount(page, matching(bakery));
    const payees = await shownPayees(page);
    expect(payees.length).toBeGreaterThan(0);
    expect(payees.every((payee) => payee.startsWith('Corner Bakery'))).toBe(true);
    await screenshot(page, 'register-search');

    await page.keyboard.press('Escape');
    await expectCount(page, `${TRANSACTIONS} transactions, newest first`);
    expect(await box(page).inputValue()).toBe('');

    await page.keyboard.type('1234.56');
    await expectCount(page, matching(1));
    expect(await page.locator('.register__row[data-kind="entry"]').innerText()).toContain(
      '-€1,234.56',
    );
    await box(page).fill('-1234,56');
    await expectCount(page, matching(1));
    await page.keyboard.press('Escape');

    // Filters by keyboard: Space toggles a focused checkbox.
    await page.locator('[data-test="filter-uncleared"]').focus();
    await page.keyboard.press('Space');
    const uncleared = seeded.filter((row) => !row.cleared);
    await expectCount(page, matching(uncleared.length));
    await box(page).fill('bakery');
    await expectCount(
      page,
      matching(uncleared.filter((row) => row.payee === 'Corner Bakery').length),
    );
    await box(page).fill('');
    await page.locator('[data-test="filter-uncleared"]').press('Space');

    await page.locator('[data-test="filter-from"]').fill('2025-03-01');
    await page.locator('[data-test="filter-to"]').fill('2025-03-10');
    const inRange = seeded.filter((row) => row.date >= '2025-03-01' && row.date <= '2025-03-10');
    await expectCount(page, matching(inRange.length));
    await box(page).fill('zzz');
    await page.locator('[data-test="search-empty"]').waitFor();
    await box(page).press('Escape');
    await expectCount(page, matching(inRange.length));
    await page.locator('[data-test="filters-clear"]').click();
    await expectCount(page, `${TRANSACTIONS} transactions, newest first`);
  });

  it('folds the filters into a disclosure at 390 px, with no sideways scroll and no serious axe findings', async () => {
    const { page } = device;
    await page.setViewportSize(PHONE);
    const toggle = page.locator('[data-test="register-filters-toggle"]');
    await toggle.waitFor();
    expect(await page.locator('[data-test="filter-uncleared"]').isVisible()).toBe(false);
    // Pressed on the element itself: focus and key press cannot be split by the app moving
    // focus to the page heading once the register has loaded.
    await toggle.press('Enter');
    await page
      .locator('[data-test="register-filters-toggle"][aria-expanded="true"]')
      .waitFor({ timeout: 5000 });
    await page.locator('[data-test="filter-uncategorized"]').press('Space');
    await expectCount(page, matching(TRANSACTIONS / 2));
    await screenshot(page, 'register-search-phone');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // Evaluated through the DevTools protocol, so the page's CSP does not apply to it.
    const axeSource = readFileSync(
      createRequire(__filename).resolve('axe-core/axe.min.js'),
      'utf8',
    );
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(context: string): Promise<{ violations: { id: string; impact: string | null }[] }>;
          };
        }
      ).axe;
      const result = await axe.run('.register');
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
  });
});
