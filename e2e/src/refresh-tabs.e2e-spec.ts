import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoCspViolations, waitUntil } from './support/app';
import { Api, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const SESSION_KEY = 'finwise.session';
/** The shortest access-token lifetime the server accepts. */
const ACCESS_TOKEN_SECONDS = 5;

interface RefreshCall {
  refreshToken: string;
  status: number | null;
}

const storedSession = (page: Page) =>
  page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);

/**
 * Refresh tokens rotate, and presenting one twice revokes the whole login (it looks stolen).
 * Two tabs whose access token expired refresh at the same moment: one refreshes, the other
 * waits for it and takes the stored result, so both stay signed in.
 */
describe('token refresh in two tabs of one browser', () => {
  let server: RunningServer;
  let device: Device;
  let api: Api;

  beforeAll(async () => {
    server = await startServer({ env: { ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_SECONDS) } });
    api = new Api(server.url);
    // The refresh requests are delayed below; a service worker's fetches would bypass that.
    device = await openDevice('refresh-tabs', { serviceWorkers: 'block' });
  });

  afterAll(async () => {
    if (device) {
      expectNoCspViolations(device.errors);
      await device.close();
    }
    await server?.stop();
  });

  it('two tabs with an expired access token both refresh at once and both stay signed in', async () => {
    const ann = { email: uniqueEmail('refresh'), password: PASSWORD };
    const session = (await api.signUp(ann)) as ApiSession & { accessTokenExpiresAt: string };
    const first = device.page;
    await first.goto(`${server.url}/login`);
    await first.evaluate(([key, value]) => localStorage.setItem(key, value), [
      SESSION_KEY,
      JSON.stringify(session),
    ] as const);
    const second = await device.context.newPage();

    const calls: RefreshCall[] = [];
    device.context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/auth/refresh')) {
        const body = JSON.parse(request.postData() ?? '{}') as { refreshToken?: string };
        calls.push({ refreshToken: body.refreshToken ?? '', status: null });
      }
    });
    device.context.on('response', (response) => {
      const request = response.request();
      if (request.method() === 'POST' && request.url().endsWith('/api/auth/refresh')) {
        const body = JSON.parse(request.postData() ?? '{}') as { refreshToken?: string };
        const call = calls.find((c) => c.refreshToken === body.refreshToken && c.status === null);
        if (call) call.status = response.status();
      }
    });
    // Each refresh takes a while on the server: two tabs refreshing without coordination
    // would certainly both send the same refresh token.
    await device.context.route('**/api/auth/refresh', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });

    // The stored access token expires; both tabs then open at once and need a fresh one
    // (the settings page asks the API, the leader tab's socket handshake is refused).
    const expiresAt = Date.parse(session.accessTokenExpiresAt);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now() + 500)));
    await Promise.all([first, second].map((page) => page.goto(`${server.url}/settings`)));

    for (const page of [first, second]) {
      await page.getByText(`Signed in as ${ann.email}`).waitFor({ timeout: 15_000 });
      await page.getByText('Loading the members…').waitFor({ state: 'detached', timeout: 15_000 });
      await page.getByText(ann.email, { exact: true }).first().waitFor();
    }
    await waitUntil(
      'the refreshes are answered',
      async () => calls.length > 0 && calls.every((call) => call.status !== null),
    );

    // No refresh token was presented twice, and the server accepted every refresh.
    expect(new Set(calls.map((call) => call.refreshToken)).size).toBe(calls.length);
    expect(calls.map((call) => call.status)).toEqual(calls.map(() => 200));
    expect(calls[0].refreshToken).toBe(session.refreshToken);

    // Both tabs are signed in with the same, fresh session, and neither was sent to sign in.
    const [inFirst, inSecond] = await Promise.all([first, second].map(storedSession));
    expect(inFirst).not.toBeNull();
    expect(inSecond).toBe(inFirst);
    const fresh = JSON.parse(inFirst ?? '{}') as ApiSession;
    expect(fresh.refreshToken).not.toBe(session.refreshToken);
    for (const page of [first, second]) {
      expect(new URL(page.url()).pathname).toBe('/settings');
      expect(await page.getByText('Sign in to FinWise').count()).toBe(0);
    }

    // The login lives on: the next expiry is refreshed as well, still without a token sent
    // twice, and both tabs keep the same session.
    const before = calls.length;
    await waitUntil(
      'the next expired token is refreshed too',
      async () => calls.length > before && calls.every((call) => call.status !== null),
      30_000,
    );
    expect(new Set(calls.map((call) => call.refreshToken)).size).toBe(calls.length);
    expect(calls.map((call) => call.status)).toEqual(calls.map(() => 200));
    await waitUntil('both tabs hold the newest session', async () => {
      const [a, b] = await Promise.all([first, second].map(storedSession));
      return a !== null && a === b && a !== inFirst;
    });
  });
});
