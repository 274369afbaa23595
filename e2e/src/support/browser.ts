import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, OUTPUT_DIR } from './paths';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** One browser with its own profile: a separate device as far as the app can tell. */
export interface Device {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  errors: string[];
  close(): Promise<void>;
}

export async function openDevice(
  name: string,
  options: {
    viewport?: { width: number; height: number };
    /** `block` where a spec routes API requests (a service worker's fetches bypass routing). */
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<Device> {
  const profile = mkdtempSync(join(tmpdir(), `finwise-e2e-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? DESKTOP,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    name,
    context,
    page,
    errors,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
}

/** Violations of the server's Content-Security-Policy (e.g. inline event handlers) among a device's errors. */
export function cspViolations(device: Device): string[] {
  return device.errors.filter((error) => /Content Security Policy/i.test(error));
}
