import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { APP_PROBE_GLOBAL, type AppProbeApi } from '../browser/app-probe-api';
import { CHROMIUM, chromiumMissing } from './browser';
import { onCleanup } from './cleanup';
// Chromium starts as in the browser tests (tools/testing is shared tooling without an alias).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CHROMIUM_ARGS } from '../../../tools/testing/chromium';

/** The built Angular app, as the e2e tests serve it (`npx nx build client`). */
export function appClientDir(workspaceRoot: string): string {
  return join(workspaceRoot, 'dist', 'client', 'browser');
}

/** Why the real app cannot be driven here, or null when it can. */
export function appMissing(workspaceRoot: string, browser: boolean): string | null {
  if (!browser) return 'disabled with --no-browser';
  const missing = chromiumMissing();
  if (missing) return missing;
  const index = join(appClientDir(workspaceRoot), 'index.html');
  return existsSync(index) ? null : `no built app at ${index} (npx nx build client)`;
}

export interface AppBrowser {
  context: BrowserContext;
  /** The first window's page. */
  page: Page;
  /**
   * Opens a second window of the same profile (same IndexedDB, same session). A window, not a
   * tab: headless Chromium treats a tab behind the active one as hidden once input arrives
   * (its animation frames drop to about one a second), while two windows both stay visible
   * and render at full rate, like two windows side by side.
   */
  newWindow(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * One browser profile of its own (a device as far as the app can tell), desktop-sized, in
 * US English and UTC as the e2e tests pin them. Page errors and console errors go to stderr.
 */
export async function openAppBrowser(): Promise<AppBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'finwise-bench-app-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const close = onCleanup('chromium (app)', async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });
  const watch = (page: Page) => {
    page.on('pageerror', (error) => process.stderr.write(`[app] ${error.message}\n`));
    page.on('console', (message) => {
      if (message.type() === 'error') process.stderr.write(`[app console] ${message.text()}\n`);
    });
    return page;
  };
  try {
    const page = watch(context.pages()[0] ?? (await context.newPage()));
    const newWindow = async () => {
      const cdp = await context.newCDPSession(page);
      const opened = context.waitForEvent('page');
      await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
      await cdp.detach();
      return watch(await opened);
    };
    return { context, page, newWindow, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Evaluates the probe bundle in the page through the DevTools protocol (not a script tag: the
 * app's CSP allows only its own scripts). Done once the app runs; the app never reloads after.
 */
export async function injectProbe(page: Page, bundleDir: string): Promise<void> {
  await page.evaluate(readFileSync(join(bundleDir, 'app-probe.js'), 'utf8'));
  await page.waitForFunction((name) => name in globalThis, APP_PROBE_GLOBAL);
}

/** Calls one method of the probe in the page. */
export function callProbe<K extends keyof AppProbeApi>(
  page: Page,
  method: K,
  ...input: Parameters<AppProbeApi[K]>
): Promise<Awaited<ReturnType<AppProbeApi[K]>>> {
  return page.evaluate(
    ([name, key, arg]) => {
      const probe = (
        globalThis as unknown as Record<string, Record<string, (a: unknown) => unknown>>
      )[name];
      return probe[key](arg);
    },
    [APP_PROBE_GLOBAL, method, input[0]] as const,
  ) as Promise<Awaited<ReturnType<AppProbeApi[K]>>>;
}

/**
 * Signs in through the app's form, as a person does; resolves on the accounts page with the
 * moment (`performance.now()` here) the button was clicked.
 */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<number> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-email').fill(credentials.email);
  await page.locator('#login-password').fill(credentials.password);
  const clickedAt = performance.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/accounts$/, { timeout: 30_000 });
  return clickedAt;
}
