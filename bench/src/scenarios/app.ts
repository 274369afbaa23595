import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  appClientDir,
  appMissing,
  callProbe,
  injectProbe,
  openAppBrowser,
  signInThroughForm,
  type AppBrowser,
} from '../harness/app-browser';
import { activitySelector, timeEdit, waitForSynced, type EditTiming } from '../harness/app-edits';
import {
  activityOf,
  appHousehold,
  balanceOf,
  netWorthOf,
  type AppHousehold,
  type AppTransaction,
} from '../harness/app-household';
import { callPage, openBenchPage, withPageProfile } from '../harness/browser';
import { measureScroll, recordEdits } from './app-figures';
import type { BenchContext, Scenario } from '../harness/context';
import { frameStats } from '../harness/frame-stats';
import { pushThroughSockets } from '../harness/protocol-drivers';
import type { RunningServer } from '../harness/server-process';
import { signin, signup, type Session } from '../harness/session';
import { packBatches } from '../harness/transaction-rows';

/** Rows edited in turn, all visible at the top of the register. */
const EDITED_ROWS = 5;

/**
 * Scenario 10: the real Angular app (the server serves the built client, `dist/client/browser`)
 * signed in to a household of N transactions in Chromium. After the initial load, rows of the
 * largest account are edited by keyboard in its register (Edit, amount field, new amount, Enter),
 * and each edit is timed inside the pages from the Enter keydown until (a) the row shows its new
 * amount, (b) the register's account balance shows the new balance and (c) the budget page shows
 * the category's new activity for the row's month. The budget is a route of its own, so (c) is
 * observed in a second window of the same profile, open on that month: the change crosses
 * windows through the shared IndexedDB as it does for a person with both open side by side (a
 * second tab would be hidden behind the register and not render). Each text is awaited by a
 * MutationObserver inside its page; times are epoch milliseconds of each page
 * (`performance.timeOrigin + now()`), so (c) compares two renderer processes' clocks, whose
 * offset is measured and kept in the notes. Every expected text is computed from the seeded
 * amounts, not read from the app. The raw baseline runs in the register's page after each edit,
 * once the app has synced it: a Dexie `put` of the same row with the same amount plus a `get`
 * by id, into a database with the same table schema holding a copy of the same rows. Then the
 * register scrolls continuously (`scrollBy` in `requestAnimationFrame`), against the frame rate
 * of the same page idling for as long.
 */
export const appAtScale: Scenario = {
  name: 'app',
  title: '10. the app at 100,000 transactions',
  async run(context) {
    const { workspaceRoot, browser } = context.options;
    const missing = appMissing(workspaceRoot, browser);
    if (missing) return context.skip('app', missing);
    const { appRows } = context.options.sizes;
    const household = appHousehold(appRows);
    const server = await context.startServer('app', undefined, {
      CLIENT_DIR: appClientDir(workspaceRoot),
    });
    let session: Session;
    let load: AppLoad;
    try {
      session = await signup(server.url, 'app');
      const seeding = await pushThroughSockets(
        server.url,
        session,
        packBatches(household.mutations),
        null,
      );
      context.log(
        `${appRows.toLocaleString('en-US')} rows in ${household.accounts.length} accounts pushed in ${(seeding.ms / 1000).toFixed(1)} s`,
      );
      const app = await openAppBrowser();
      try {
        load = await measure(context, server, session, household, app);
      } finally {
        await app.close();
      }
    } finally {
      await server.stop();
    }
    await recordLoad(context, session, load);
  },
};

async function measure(
  context: BenchContext,
  server: RunningServer,
  session: Session,
  household: AppHousehold,
  app: AppBrowser,
): Promise<AppLoad> {
  const { appRows, appEdits, appScrollMs } = context.options.sizes;
  const slow = context.options.mode === 'quick' ? 120_000 : 600_000;
  const rows = `${appRows.toLocaleString('en-US')} rows`;
  const money = (minor: number) => ({ minor, currency: household.currency, prefix: '' });
  const { page } = app;
  const profiles = context.options.cpuProfileDir;
  const profile = (name: string) =>
    profiles ? join(profiles, `chromium-app-${name}-run${context.run}.cpuprofile`) : null;

  // Sign in through the form; the initial load is done when the progress bar is gone and the
  // accounts page shows the net worth of every row.
  const clickedAt = await signInThroughForm(page, server.url, session);
  await injectProbe(page, context.options.bundleDir);
  await withPageProfile(page, profile('load'), async () => {
    await callProbe(page, 'shown', {
      watches: [
        { name: 'net worth', selector: '[data-test="net-worth"]', ...money(netWorthOf(household)) },
      ],
      timeoutMs: slow,
    });
    await page.locator('#initial-load-progress').waitFor({ state: 'detached', timeout: slow });
  });
  const loadMs = performance.now() - clickedAt;

  // The largest account's register, showing all of its rows and its balance.
  const account = household.accounts[0];
  const accountRows = household.transactions.filter((row) => row.accountId === account.id);
  const openedAt = performance.now();
  await page.getByRole('link', { name: account.name, exact: true }).click();
  await page.waitForFunction(
    (text) =>
      document
        .querySelector('[data-test="register-count"]')
        ?.textContent?.replace(/\s+/g, ' ')
        .trim() === text,
    `${accountRows.length} transactions, newest first`,
    { timeout: slow, polling: 50 },
  );
  const registerMs = performance.now() - openedAt;
  const balanceMinor = balanceOf(household, account.id);
  await callProbe(page, 'shown', {
    watches: [
      { name: 'balance', selector: '[data-test="account-balance"]', ...money(balanceMinor) },
    ],
    timeoutMs: slow,
  });
  context.log(
    `initial load ${(loadMs / 1000).toFixed(1)} s (sign-in → net worth of every row); ` +
      `register of ${account.name} (${accountRows.length.toLocaleString('en-US')} rows) ${(registerMs / 1000).toFixed(1)} s`,
  );

  // The rows to edit: the first ones on screen with an expense category, in one month.
  const targets = await visibleTargets(page, household);
  const month = targets[0].month;
  const budget = await app.newWindow();
  const budgetOpenedAt = performance.now();
  await budget.goto(`${server.url}/budget/${month}`);
  await injectProbe(budget, context.options.bundleDir);
  const activity = new Map(
    targets.map((row) => [
      row.categoryId ?? '',
      activityOf(household, month, row.categoryId ?? ''),
    ]),
  );
  await callProbe(budget, 'shown', {
    watches: [...activity].map(([categoryId, minor]) => ({
      name: categoryId,
      selector: activitySelector(categoryId),
      ...money(minor),
    })),
    timeoutMs: slow,
  });
  const budgetMs = performance.now() - budgetOpenedAt;
  context.log(
    `budget of ${month} in a second window, its numbers shown in ${(budgetMs / 1000).toFixed(1)} s; ` +
      `editing ${targets.length} rows of that month in turn`,
  );

  const store = await callProbe(page, 'prepareRawStore', { tenantId: session.tenantId });
  context.log(
    `raw store: ${store.rows.toLocaleString('en-US')} rows copied in ${(store.ms / 1000).toFixed(1)} s (schema ${store.schema})`,
  );
  await waitForSynced(page, slow);
  // Seeding, the load, the second window's start and the copy all leave work behind.
  await context.settle();
  await page.bringToFront();

  const run = {
    register: page,
    budget,
    household,
    targets,
    balanceMinor,
    activity,
    timeoutMs: 60_000,
  };
  const timings: EditTiming[] = [];
  await withPageProfile(page, profile('register'), () =>
    withPageProfile(budget, profile('budget'), async () => {
      for (let edit = 0; edit < appEdits; edit += 1) timings.push(await timeEdit(run, edit));
    }),
  );
  await callProbe(page, 'dropRawStore');
  const windows = await describeWindows(page, budget);
  context.log(`windows after the edits: ${windows}`);
  recordEdits(context, timings, `${rows}, ${appEdits} edits, budget in a second window`, [
    `windows after the edits: ${windows}`,
  ]);

  await measureScroll(context, page, appScrollMs, rows, accountRows.length);
  return {
    loadMs,
    rows: appRows,
    notes: [
      `then the register of ${account.name} (${accountRows.length} rows) showed them all in ${registerMs.toFixed(0)} ms`,
      `a second window opened the budget on the loaded database in ${budgetMs.toFixed(0)} ms`,
    ],
  };
}

interface AppLoad {
  /** Sign-in click → every row shown (Node's clock). */
  loadMs: number;
  rows: number;
  notes: string[];
}

/**
 * The app's initial load against the sync client alone loading the same household in a fresh
 * Chromium profile (scenario 2's browser side: `createSyncClient()` → `start()` resolved, on the
 * benchmark page the data scenarios' server serves), measured after the app's browser closed.
 */
async function recordLoad(context: BenchContext, session: Session, load: AppLoad): Promise<void> {
  const primary = await context.primaryServer();
  const fresh = await signin(primary.url, session);
  const bare = await openBenchPage(primary.url);
  let client: { ms: number; loaded: number; total: number };
  try {
    client = await callPage(bare.page, 'syncClientLoad', {
      url: primary.url,
      tenantId: fresh.tenantId,
      token: fresh.accessToken,
    });
  } finally {
    await bare.close();
  }
  if (client.loaded !== client.total || client.total < load.rows)
    throw new Error(`the bare sync client loaded ${client.loaded} of ${client.total} changes`);
  context.log(
    `initial load: app ${(load.loadMs / 1000).toFixed(1)} s, sync client alone ${(client.ms / 1000).toFixed(1)} s`,
  );
  context.record({
    scenario: 'app',
    metric: 'app initial load, sign-in → every row shown',
    detail: `${load.rows.toLocaleString('en-US')} rows`,
    unit: 's',
    ours: load.loadMs / 1000,
    baseline: client.ms / 1000,
    baselineName: 'sync client alone, Chromium',
    better: 'lower',
    target: null,
    notes: [
      ...load.notes,
      `the sync client alone loaded ${client.total} changes (rows, accounts, categories, payees), measured after the app`,
    ],
  });
}

/**
 * Rows of the register fully inside its viewport, top down, that carry an expense category
 * (the budget's table shows those), all in the month of the first.
 */
async function visibleTargets(page: Page, household: AppHousehold): Promise<AppTransaction[]> {
  const keys = await page.evaluate(() => {
    const viewport = document.querySelector('.register__viewport');
    if (!viewport) return [];
    const box = viewport.getBoundingClientRect();
    return Array.from(viewport.querySelectorAll<HTMLElement>('li.register__row[data-kind="entry"]'))
      .filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.top >= box.top && rect.bottom <= box.bottom;
      })
      .map((row) => row.dataset['key'] ?? '');
  });
  const byId = new Map(household.transactions.map((row) => [row.id, row]));
  const expense = new Set(household.categories.filter((c) => !c.isIncome).map((c) => c.id));
  const candidates = keys
    .map((key) => byId.get(key))
    .filter((row): row is AppTransaction => !!row && expense.has(row.categoryId ?? ''));
  const month = candidates[0]?.month;
  const targets = candidates.filter((row) => row.month === month).slice(0, EDITED_ROWS);
  if (targets.length === 0)
    throw new Error(`no visible row with an expense category among ${keys.length} rows`);
  return targets;
}

/**
 * Whether both windows were visible and rendering at full rate (a hidden one would not paint),
 * and how far apart their clocks are (the budget's times are compared with the register's).
 */
async function describeWindows(register: Page, budget: Page): Promise<string> {
  const describe = async (name: string, page: Page) => {
    const [state, frames] = await Promise.all([
      callProbe(page, 'state'),
      callProbe(page, 'frames', { selector: null, durationMs: 500, stepPx: 0 }),
    ]);
    return `${name} ${state.visibility}, ${frameStats(frames.times).fps.toFixed(0)} fps`;
  };
  const shown = await Promise.all([describe('register', register), describe('budget', budget)]);
  const rounds = 20;
  await callProbe(budget, 'answerClock', { rounds });
  const clock = await callProbe(register, 'clockOffset', { rounds });
  return (
    `${shown.join(' / ')}; budget clock − register clock ${clock.offsetMs.toFixed(2)} ms ` +
    `(± ${clock.uncertaintyMs.toFixed(2)} ms, BroadcastChannel ping)`
  );
}
