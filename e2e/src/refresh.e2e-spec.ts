import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page, Response } from 'playwright-core';
import { signIn, waitForSynced, waitUntil } from './support/app';
import { Api, PASSWORD, uniqueEmail } from './support/api';
import { openDevice, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/** The shortest access-token life the server accepts, so tokens expire while the test waits. */
const TOKEN_SECONDS = 5;

/**
 * Refresh tokens rotate and the server revokes a whole login when a used one comes back. Two
 * tabs of one browser share the stored session, so two tabs whose access token expired at the
 * same moment must not both send the same refresh token: one refreshes, the other takes its
 * result, and both stay signed in.
 */
describe('two tabs refreshing an expired session at the same moment', () => {
  let server: RunningServer;
  let device: Device;
  let second: Page;
  const ann = { email: uniqueEmail('refresh'), password: PASSWORD };
  const refreshes: { status: number; tab: string }[] = [];

  const watchRefreshes = (page: Page, tab: string) =>
    page.on('response', (response: Response) => {
      if (new URL(response.url()).pathname === '/api/auth/refresh') {
        refreshes.push({ status: response.status(), tab });
      }
    });

  beforeAll(async () => {
    server = await startServer({ env: { ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_SECONDS) } });
    await new Api(server.url).signUp(ann);
    device = await openDevice('refresh');
    await signIn(device.page, server.url, ann);
    second = await device.context.newPage();
    await second.goto(`${server.url}/accounts`);
    watchRefreshes(device.page, 'first');
    watchRefreshes(second, 'second');
  });

  afterAll(async () => {
    await device?.close();
    await server?.stop();
  });

  it('keeps both tabs signed in, through several expiries', async () => {
    for (let round = 0; round < 3; round += 1) {
      // Both tabs' access token is past its life: each tab's first request is refused with 401
      // and refreshed, at the same moment.
      await new Promise((resolve) => setTimeout(resolve, (TOKEN_SECONDS + 1) * 1000));
      await Promise.all([
        device.page.goto(`${server.url}/settings`),
        second.goto(`${server.url}/settings`),
      ]);
      for (const page of [device.page, second]) {
        await page.getByRole('heading', { name: 'Members' }).waitFor();
        await waitUntil('the member list shows the signed-in user', async () =>
          page.getByText(ann.email).first().isVisible(),
        );
      }
    }

    expect(refreshes.length).toBeGreaterThanOrEqual(3);
    expect(refreshes.filter((refresh) => refresh.status !== 200)).toEqual([]);
    for (const page of [device.page, second]) {
      expect(new URL(page.url()).pathname).toBe('/settings');
      await waitForSynced(page);
    }
  });
});
