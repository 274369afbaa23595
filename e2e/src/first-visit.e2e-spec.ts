import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoCspViolations, signIn, waitUntil } from './support/app';
import { Api, PASSWORD, uniqueEmail } from './support/api';
import { openDevice, PHONE, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const NEW_PASSWORD = 'a brand new passphrase';

const heading = (page: Page) => page.locator('h1').innerText();

/** No sideways scrolling at the device's width. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

/**
 * A new person's first minutes: the sign-in page says what FinWise is, one click on "Create an
 * account" opens the sign-up form, an invite link names the household it joins, and the
 * password can be changed in Settings and then used to sign in.
 */
describe('first visit', () => {
  let server: RunningServer;
  let api: Api;
  let ann: Device;
  let bob: Device;
  const annEmail = uniqueEmail('ann');

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    [ann, bob] = await Promise.all([
      openDevice('first-visit-ann', { viewport: PHONE }),
      openDevice('first-visit-bob'),
    ]);
  });

  afterAll(async () => {
    for (const device of [ann, bob]) {
      if (device) {
        expectNoCspViolations(device.errors);
        await device.close();
      }
    }
    await server?.stop();
  });

  it('explains FinWise and opens the sign-up form with one click', async () => {
    const page = ann.page;
    await page.goto(`${server.url}/login`);
    // The page's heading element can be there a moment before its text.
    await waitUntil(
      'the sign-in page shows',
      async () => (await heading(page)) === 'Sign in to FinWise',
      10_000,
    );
    expect(await page.locator('[data-test="intro"]').innerText()).toMatch(
      /FinWise is a personal finance app with an envelope budget that works offline first/,
    );

    await page.getByRole('button', { name: 'Create an account' }).click();

    await waitUntil(
      'the sign-up form shows',
      async () => (await heading(page)) === 'Create your account',
      5_000,
    );
    await page.locator('#login-email').fill(annEmail);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('#login-tenant-name').fill('Ann & Co');
    await page.locator('#login-password').press('Enter');
    await page.waitForURL(/\/accounts$/, { timeout: 15_000 });
  });

  it('names the household of an invite link and asks for no household name', async () => {
    const owner = await api.request<{ accessToken: string; tenant: { id: string } }>(
      'POST',
      '/auth/login',
      { email: annEmail, password: PASSWORD },
    );
    const { code } = await api.request<{ code: string }>(
      'POST',
      `/tenants/${owner.tenant.id}/invites`,
      {},
      owner.accessToken,
    );
    const page = bob.page;

    await page.goto(`${server.url}/join?code=${encodeURIComponent(code.toLowerCase())}`);

    await page.locator('[data-test="invited-household"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-test="invited-household"]').innerText()).toBe(
      'You will join the household Ann & Co.',
    );
    expect(await heading(page)).toBe('Create your account');
    expect(await page.locator('#login-tenant-name').count()).toBe(0);
    await page.locator('#login-email').fill(uniqueEmail('bob'));
    await page.locator('#login-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/accounts$/, { timeout: 15_000 });
  });

  it('changes the password in Settings by keyboard on a phone; the new one signs in', async () => {
    const page = ann.page;
    await page.goto(`${server.url}/settings`);
    await page.locator('#current-password').focus();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');

    await waitUntil(
      'the password notice shows',
      async () =>
        /Your password was changed/.test(
          await page.locator('[data-test="password-notice"]').innerText(),
        ),
      10_000,
    );
    expect(await fitsWidth(page)).toBe(true);
    expect(page.url()).toMatch(/\/settings$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/, { timeout: 15_000 });
    await signIn(page, server.url, { email: annEmail, password: NEW_PASSWORD });
    await expect(
      api.request('POST', '/auth/login', { email: annEmail, password: PASSWORD }),
    ).rejects.toThrow(/401/);
  });
});
