import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PAGE_API_GLOBAL, type BenchPageApi } from '../browser/page-api';
import { onCleanup } from './cleanup';
// Chromium starts as in the browser tests (tools/testing is shared tooling without an alias).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../tools/testing/chromium';

export const CHROMIUM = CHROMIUM_PATH;

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
}

export interface BenchPage {
  page: Page;
  close(): Promise<void>;
}

/** A fresh Chromium profile (its own --user-data-dir) on the benchmark page the server serves. */
export async function openBenchPage(serverUrl: string): Promise<BenchPage> {
  const profile = mkdtempSync(join(tmpdir(), 'finwise-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const close = onCleanup('chromium', async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => process.stderr.write(`[chromium] ${error.message}\n`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        process.stderr.write(`[chromium ${message.type()}] ${message.text()}\n`);
    });
    await page.goto(`${serverUrl}/index.html`);
    await page.waitForFunction((name) => name in globalThis, PAGE_API_GLOBAL);
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Calls one method of the page's benchmark API. */
export function callPage<K extends keyof BenchPageApi>(
  page: Page,
  method: K,
  input: Parameters<BenchPageApi[K]>[0],
): ReturnType<BenchPageApi[K]> {
  return page.evaluate(
    ([name, key, arg]) => {
      const api = (
        globalThis as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>
      )[name];
      return api[key](arg);
    },
    [PAGE_API_GLOBAL, method, input] as const,
  ) as ReturnType<BenchPageApi[K]>;
}

/**
 * Runs `work` under V8's sampling profiler of the page (with `--cpu-prof`: `file` is then set)
 * and writes the profile there, for `bench/profile-summary.mjs`.
 */
export async function withPageProfile<T>(
  page: Page,
  file: string | null,
  work: () => Promise<T>,
): Promise<T> {
  if (!file) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    await cdp.detach();
  }
}
