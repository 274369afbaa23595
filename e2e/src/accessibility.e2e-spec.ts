import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoCspViolations, signIn, waitForSynced, waitUntil } from './support/app';
import {
  axeProblems,
  appRoutePaths,
  focusedElement,
  overflowProblems,
} from './support/accessibility';
import { Api, createMutation, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { DESKTOP, openDevice, PHONE, screenshot, type Device } from './support/browser';
import { payeeIdFor } from './support/ids';
import { startServer, type RunningServer } from './support/server';

/** This month where the browser lives, so /budget (this month) shows the seeded spending. */
const MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
}).format(new Date());
const ACCOUNT = 'Joint everyday checking account';

/**
 * Every page of the app, signed out and in a household with data, at desktop width and on a
 * 390 px phone: no serious or critical axe-core violation, no sideways scrolling of the page or
 * of a table on the phone, and after following a link, focus on the new page's h1. The open
 * dialogs and menus (the delete-category dialog among them) are scanned too. One server, one
 * browser, one page throughout.
 */
describe('accessibility of every page', () => {
  let server: RunningServer;
  let api: Api;
  let device: Device;
  let page: Page;
  let session: ApiSession;
  const ann = { email: uniqueEmail('ann'), password: PASSWORD };
  const problems: string[] = [];

  /** How each route is reached by a link from where the previous visit left off. */
  const householdVisits: {
    route: string;
    heading: string | RegExp;
    follow: () => Promise<void>;
  }[] = [
    { route: 'budget', heading: /^Budget · /, follow: () => nav('Budget') },
    {
      route: 'budget/:month',
      heading: /^Budget · /,
      follow: () => page.getByRole('link', { name: 'Next month' }).click(),
    },
    { route: 'categories', heading: 'Categories', follow: () => nav('Categories') },
    { route: 'payees', heading: 'Payees', follow: () => nav('Payees') },
    { route: 'settings', heading: 'Settings', follow: () => nav('Settings') },
    {
      route: 'join',
      heading: 'Join a household',
      follow: () => page.getByRole('link', { name: /Join another household/ }).click(),
    },
    { route: 'accounts', heading: 'Accounts', follow: () => nav('Accounts') },
    {
      route: 'accounts/:accountId',
      heading: ACCOUNT,
      follow: () => page.getByRole('link', { name: ACCOUNT, exact: true }).click(),
    },
    {
      route: 'accounts/:accountId/import',
      heading: `Import into ${ACCOUNT}`,
      follow: () => page.getByRole('link', { name: 'Import', exact: true }).click(),
    },
    {
      route: 'accounts/:accountId',
      heading: ACCOUNT,
      follow: () => page.getByRole('link', { name: `← ${ACCOUNT}` }).click(),
    },
  ];
  const signedOutRoutes = ['login', 'signup'];

  const nav = (label: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  /** Two frames: layout after a resize or a render has settled. */
  const settle = () =>
    page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );

  /** axe at desktop width, then axe and sideways overflow on the phone; back to desktop. */
  async function scan(where: string): Promise<void> {
    await page.setViewportSize(DESKTOP);
    await settle();
    problems.push(...(await axeProblems(page, `${where} (desktop)`)));
    await page.setViewportSize(PHONE);
    await settle();
    const found = [
      ...(await axeProblems(page, `${where} (390 px)`)),
      ...(await overflowProblems(page, `${where} (390 px)`)),
    ];
    if (found.length > 0) {
      problems.push(...found);
      await screenshot(page, `accessibility-${where.replace(/[^a-z0-9]+/gi, '-')}-phone`);
    }
    await page.setViewportSize(DESKTOP);
    await settle();
  }

  async function expectFocusOnHeading(where: string): Promise<void> {
    try {
      await waitUntil(
        'the h1 has focus',
        () => page.evaluate(() => document.activeElement?.tagName === 'H1'),
        5_000,
      );
    } catch {
      problems.push(`${where}: focus is on ${await focusedElement(page)}, not on the page's h1`);
    }
  }

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    device = await openDevice('accessibility');
    page = device.page;
    session = await api.signUp({ ...ann, tenantName: 'The Accessible Household' });
  });

  afterAll(async () => {
    if (device) {
      expectNoCspViolations(device.errors);
      await device.close();
    }
    await server?.stop();
  });

  it('has a visit for every route of the app', () => {
    const known = new Set([...signedOutRoutes, ...householdVisits.map((visit) => visit.route)]);
    expect(appRoutePaths().filter((path) => !known.has(path))).toEqual([]);
  });

  it('passes on the signed-out pages', async () => {
    await page.goto(`${server.url}/login`);
    await heading(/Sign in/).waitFor();
    await scan('sign-in');
    await page.goto(`${server.url}/signup`);
    await heading(/Create your account/).waitFor();
    await scan('sign-up');
  });

  it('moves focus to the heading after signing in, and passes on the empty household', async () => {
    await signIn(page, server.url, ann);
    await heading('Accounts').waitFor();
    await page.getByText('No accounts yet').waitFor();
    await expectFocusOnHeading('accounts after sign-in');
    await scan('accounts (empty)');
  });

  it('passes on every page of a household with data, reached by links', async () => {
    await seed();
    await page.getByRole('link', { name: ACCOUNT, exact: true }).waitFor();
    await waitForSynced(page);
    await scan('accounts');
    for (const visit of householdVisits) {
      await visit.follow();
      await heading(visit.heading).waitFor();
      await expectFocusOnHeading(visit.route);
      await scan(visit.route);
    }
  });

  it('passes with the register editor, split lines and reconcile open', async () => {
    await page
      .getByRole('button', { name: /^Edit Corner Market/ })
      .first()
      .click();
    await page.locator('fw-register-row-editor').waitFor();
    await scan('register: row editor with split lines');
    await page.keyboard.press('Escape');
    await page.locator('fw-register-row-editor').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Reconcile' }).click();
    await page.locator('fw-reconcile-dialog').waitFor();
    await scan('register: reconcile');
  });

  it('passes on the import page with a file read, its options open and the preview', async () => {
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await heading(`Import into ${ACCOUNT}`).waitFor();
    const statement = [
      'Buchungstag;Empfänger;Betrag;Verwendungszweck',
      ...Array.from(
        { length: 30 },
        (_, day) =>
          `${String((day % 28) + 1).padStart(2, '0')}.03.2026;Corner Market & Bakery, the long-named branch by the station;-${day + 1},25;Weekly shop ${day + 1}`,
      ),
      '31.03.2026;Kiosk;abc;',
    ].join('\n');
    await page.setInputFiles('#import-file', {
      name: 'statement.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(statement),
    });
    await page.locator('[data-test="import-blocked"]').waitFor();
    await page.getByRole('button', { name: 'Change how the file is read' }).click();
    await page.getByLabel('Date column').waitFor();
    await scan('import: options and preview with an error line');
    await page.getByRole('button', { name: 'Leave out lines with errors' }).click();
    await page.locator('[data-test="import-blocked"]').waitFor({ state: 'detached' });
    await scan('import: preview ready');
  });

  it('keeps focus on the month link when paging months', async () => {
    await nav('Budget');
    await heading(/^Budget · /).waitFor();
    await page.getByRole('link', { name: 'Next month' }).click();
    const next = await heading(/^Budget · /).innerText();
    await page.getByRole('link', { name: 'Next month' }).click();
    await page.getByRole('heading', { level: 1, name: next }).waitFor({ state: 'detached' });
    await settle();
    expect(await focusedElement(page)).toBe('a "Next →"');
    await nav('Budget');
    await heading(/^Budget · /).waitFor();
  });

  it("passes with the budget dialog, a category's details and the cover menu open", async () => {
    await page.getByRole('button', { name: 'Move money…' }).click();
    await page.getByRole('dialog', { name: /Move money/ }).waitFor();
    await scan('budget: move money');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: /Move money/ }).waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Groceries', exact: true }).click();
    await page.locator('[data-test="detail-activity"]').waitFor();
    await scan('budget: category details');

    await page.getByRole('button', { name: /Cover overspending of Groceries/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('menu').waitFor();
    await scan('budget: cover menu');
    await page.keyboard.press('Escape');
  });

  it('passes with the delete-category dialog open', async () => {
    await nav('Categories');
    await heading('Categories').waitFor();
    await page.getByRole('button', { name: 'Delete Groceries' }).click();
    const dialog = page.getByRole('dialog', { name: /Delete Groceries/ });
    await dialog.waitFor();
    await scan('categories: delete dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('found no serious or critical violation, no sideways scroll and focus on every h1', () => {
    expect(problems.join('\n')).toBe('');
  });

  /** A household a new user has after a first session: groups, accounts, categories, payees. */
  async function seed(): Promise<void> {
    const group = createMutation('account_groups', { name: 'Everyday', sortOrder: 10 });
    const account = (name: string, groupId: string | null, sortOrder: number) =>
      createMutation('accounts', {
        name,
        groupId,
        type: 'checking',
        currency: 'EUR',
        onBudget: true,
        closed: false,
        sortOrder,
        note: null,
      });
    const checking = account(ACCOUNT, group.data.id, 10);
    const savings = account('Savings', null, 20);
    const category = (name: string, groupName: string, sortOrder: number, isIncome = false) =>
      createMutation('categories', {
        name,
        groupName,
        isIncome,
        hidden: false,
        sortOrder,
        carryOverspending: false,
      });
    const groceries = category('Groceries', 'Living', 10);
    const fun = category('Fun', 'Living', 20);
    const rent = category('Rent', 'Home', 30);
    // A long name and a five-digit overspending: the widest row a phone's budget has to fit.
    const repairs = category('Household supplies and repairs', 'Home', 35);
    const salary = category('Salary', 'Income', 40, true);
    const payee = (name: string) => ({
      ...createMutation('payees', { name, favorite: false }),
      data: { id: payeeIdFor(name), name, favorite: false },
    });
    const market = payee('Corner Market & Bakery');
    const employer = payee('Employer');
    const landlord = payee('Landlord');
    const booking = (
      day: string,
      amountMinor: number,
      categoryId: string,
      payeeId: string,
      reconciled = false,
    ) =>
      createMutation('transactions', {
        accountId: checking.data.id,
        date: `${MONTH}-${day}`,
        amountMinor,
        categoryId,
        payeeId,
        notes: null,
        cleared: reconciled,
        reconciled,
      });
    await api.push(session, [
      group,
      checking,
      savings,
      groceries,
      fun,
      rent,
      repairs,
      salary,
      market,
      employer,
      landlord,
      booking('01', 300_000, salary.data.id, employer.data.id, true),
      booking('01', -120_000, rent.data.id, landlord.data.id),
      booking('01', -4_250, groceries.data.id, market.data.id),
      booking('01', -1_500, fun.data.id, market.data.id),
      booking('01', -1_234_567, repairs.data.id, market.data.id),
    ]);
  }
});
