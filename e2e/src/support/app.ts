import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import type { Credentials } from './api';

const SHORT = 15_000;
const SYNC = 30_000;

/** Polls `check` until it returns true (Playwright's own expect is not part of playwright-core). */
export async function waitUntil(
  description: string,
  check: () => Promise<boolean>,
  timeoutMs = SYNC,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting until ${description}${lastError ? `: ${String(lastError)}` : ''}`,
  );
}

/**
 * Signs up through the form. A new household starts without the suggested categories unless
 * `suggestedCategories` says so: suites build the categories they check themselves.
 */
export async function signUp(
  page: Page,
  baseUrl: string,
  credentials: Credentials & { tenantName?: string; suggestedCategories?: boolean },
  path = '/signup',
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('#login-email').fill(credentials.email);
  await page.locator('#login-password').fill(credentials.password);
  if (credentials.tenantName) {
    await page.locator('#login-tenant-name').fill(credentials.tenantName);
  }
  await setSuggestedCategories(page, credentials.suggestedCategories ?? false);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/accounts$/, { timeout: SHORT });
}

/** Ticks or unticks the sign-up form's suggested categories (absent when joining a household). */
export async function setSuggestedCategories(page: Page, suggested: boolean): Promise<void> {
  const box = page.getByLabel('Start with suggested categories');
  if ((await box.count()) > 0) {
    await box.setChecked(suggested);
  }
}

export async function signIn(page: Page, baseUrl: string, credentials: Credentials): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-email').fill(credentials.email);
  await page.locator('#login-password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/accounts$/, { timeout: SHORT });
}

export function syncStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Sync status' });
}

/** Online, and every local change acknowledged by the server. */
export async function waitForSynced(page: Page, timeoutMs = SYNC): Promise<void> {
  await waitUntil(
    'the sync indicator shows "Online" and "All changes synced"',
    async () => {
      const text = await syncStatus(page).innerText();
      return /Online/.test(text) && /All changes synced/.test(text);
    },
    timeoutMs,
  );
}

export async function expectOffline(page: Page, pending: number): Promise<void> {
  const expected =
    pending === 0
      ? 'All changes synced'
      : pending === 1
        ? '1 change pending'
        : `${pending} changes pending`;
  await waitUntil(`the sync indicator shows "Offline" and "${expected}"`, async () => {
    const text = await syncStatus(page).innerText();
    return /Offline/.test(text) && text.includes(expected);
  });
}

export async function openRegister(
  page: Page,
  baseUrl: string,
  accountName: string,
): Promise<void> {
  if (!page.url().endsWith('/accounts')) {
    await page.goto(`${baseUrl}/accounts`);
  }
  await page.getByRole('link', { name: accountName, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: accountName }).waitFor({ timeout: SHORT });
}

export async function addTransaction(
  page: Page,
  entry: { payee: string; amount: string; date?: string; category?: string },
): Promise<void> {
  const form = page.locator('[data-test="add-transaction"] fw-transaction-form');
  if (entry.date) {
    await form.getByLabel('Date').fill(entry.date);
  }
  // Exactly: the combobox's list of suggestions is labelled "Payees".
  await form.getByLabel('Payee', { exact: true }).fill(entry.payee);
  if (entry.category) {
    await form.getByLabel('Category').selectOption({ label: entry.category });
  }
  await form.getByLabel(/^Amount/).fill(entry.amount);
  await form.getByRole('button', { name: 'Add transaction' }).click();
}

/** Register rows (not split lines) whose payee column shows `payee` exactly. */
export function registerRows(page: Page, payee: string): Locator {
  return page.locator('.register__row[data-kind="entry"]').filter({
    has: page.locator('.register__payee', {
      hasText: new RegExp(`^\\s*${escapeRegExp(payee)}(\\s|$)`),
    }),
  });
}

/**
 * Edits a row in place, as a keyboard user does: the row turns into its editor, Enter in the
 * last changed field saves, and focus comes back to the row's Edit button.
 */
export async function editTransaction(
  page: Page,
  payee: string,
  changes: { payee?: string; amount?: string },
): Promise<void> {
  await registerRows(page, payee).first().getByRole('button', { name: /^Edit/ }).click();
  const editor = page.locator('fw-register-row-editor');
  await editor.getByRole('heading', { name: /Edit transaction/ }).waitFor();
  let last: Locator | null = null;
  if (changes.payee !== undefined) {
    // Exactly: the split editor below has a "Split payee" field.
    last = editor.getByLabel('Payee', { exact: true });
    await last.fill(changes.payee);
  }
  if (changes.amount !== undefined) {
    last = editor.getByLabel(/^Amount/);
    await last.fill(changes.amount);
  }
  if (last) {
    await last.press('Enter');
  } else {
    await editor.getByRole('button', { name: 'Save changes' }).click();
  }
  await editor.waitFor({ state: 'detached' });
  await waitUntil('focus is back on the edited row', () =>
    page.evaluate(() => document.activeElement?.classList.contains('register__edit') === true),
  );
}

export async function amountOf(row: Locator): Promise<string> {
  return (await row.locator('.register__amount').innerText()).replace(/^Amount\s*/, '').trim();
}

/** Waits until the service worker has cached every file of the app shell (then a reload works offline). */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await waitUntil(
    'the service worker cached the app shell',
    () =>
      page.evaluate(async () => {
        if (
          !navigator.serviceWorker?.controller &&
          !(await navigator.serviceWorker?.getRegistration())?.active
        ) {
          return false;
        }
        const manifest = (await (
          await fetch(`/ngsw.json?ngsw-cache-bust=${Math.random()}`)
        ).json()) as {
          assetGroups: { name: string; urls: string[] }[];
        };
        const urls = manifest.assetGroups.find((group) => group.name === 'app')?.urls ?? [];
        const names = await caches.keys();
        for (const url of urls) {
          let cached = false;
          for (const name of names) {
            if (await (await caches.open(name)).match(url)) {
              cached = true;
              break;
            }
          }
          if (!cached) {
            return false;
          }
        }
        return urls.length > 0;
      }),
    60_000,
  );
}

export function expectNoCspViolations(errors: string[]): void {
  expect(errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
