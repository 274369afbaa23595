import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { axeProblems, overflowProblems } from './support/accessibility';
import {
  addTransaction,
  amountOf,
  editTransaction,
  expectNoCspViolations,
  expectOffline,
  openRegister,
  registerRows,
  signUp,
  syncStatus,
  waitForSynced,
  waitUntil,
} from './support/app';
import { PASSWORD, uniqueEmail } from './support/api';
import { openDevice, PHONE, screenshot, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/**
 * Two members of one household (A: desktop, B: a 390 px phone) change the same amount while
 * both are offline. B comes back first, so A's older change reaches the server last and loses
 * (last writer wins by clock, not by arrival). A is told, its History panel shows the lost
 * value, and restoring it is an ordinary edit that reaches B.
 */
describe('Change history and a lost edit in two browsers', () => {
  let server: RunningServer;
  let a: Device;
  let b: Device;
  const ann = { email: uniqueEmail('ann'), password: PASSWORD, tenantName: 'History household' };
  const bob = { email: uniqueEmail('bob'), password: PASSWORD };
  const account = 'Giro';
  const payee = 'Corner shop';

  beforeAll(async () => {
    server = await startServer();
    [a, b] = await Promise.all([
      openDevice('history-a'),
      openDevice('history-b', { viewport: PHONE }),
    ]);

    await signUp(a.page, server.url, ann);
    await a.page.getByLabel('Name', { exact: true }).first().fill(account);
    await a.page.getByRole('button', { name: 'Open account' }).click();
    await a.page.getByRole('link', { name: account, exact: true }).waitFor();

    await a.page.getByRole('link', { name: 'Settings', exact: true }).click();
    await a.page.getByRole('button', { name: 'Create invite code' }).click();
    const code = (await a.page.locator('[data-test="invite-code"]').innerText()).trim();
    await signUp(b.page, server.url, bob, `/signup?code=${encodeURIComponent(code)}`);
    await b.page.getByRole('link', { name: account, exact: true }).waitFor({ timeout: 30_000 });

    await openRegister(a.page, server.url, account);
    await openRegister(b.page, server.url, account);
    await addTransaction(a.page, { payee, amount: '-10.00' });
    await registerRows(b.page, payee).first().waitFor({ timeout: 30_000 });
    await Promise.all([waitForSynced(a.page), waitForSynced(b.page)]);
  });

  afterAll(async () => {
    for (const device of [a, b]) {
      if (device) {
        expectNoCspViolations(device.errors);
        await device.close();
      }
    }
    await server?.stop();
  });

  it('shows the lost amount in History, restores it, and the other device sees it', async () => {
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await expectOffline(a.page, 0);
    await expectOffline(b.page, 0);
    await editTransaction(a.page, payee, { amount: '-11.00' });
    await expectOffline(a.page, 1);
    // B's edit is made later, so its clock is newer: it wins whichever arrives first.
    await editTransaction(b.page, payee, { amount: '-22.00' });
    await expectOffline(b.page, 1);

    await b.context.setOffline(false);
    await waitForSynced(b.page);
    await a.context.setOffline(false);
    await waitForSynced(a.page);
    await waitUntil('A shows the amount that won', async () => {
      return (await amountOf(registerRows(a.page, payee))) === '-€22.00';
    });

    // A learns that its own change lost, with a link to the row's history.
    const notice = a.page.locator('[data-test="overwritten-notice"]');
    await notice.getByText('1 of your changes was overwritten').waitFor({ timeout: 30_000 });
    await screenshot(a.page, 'history-overwritten-notice');
    await notice.getByRole('link', { name: /See the transaction "Corner shop"/ }).click();
    const panel = a.page.locator('[data-test="history-panel"]');
    const lost = panel.locator('.history__field--lost');
    await lost.first().waitFor({ timeout: 30_000 });
    expect(await lost.count()).toBe(1);
    const lostText = await lost.innerText();
    expect(lostText).toMatch(/Lost/i);
    expect(lostText).toContain('Amount');
    expect(lostText).toContain('-€11.00');
    expect(lostText).toContain('Not kept: a newer change to this field won.');
    const entries = panel.locator('.history__entry');
    expect(await entries.first().innerText()).toContain(`by ${ann.email}`);
    expect(await entries.first().innerText()).toContain('on this device');
    expect(await entries.nth(1).innerText()).toContain(`by ${bob.email}`);
    expect(await entries.nth(1).innerText()).toMatch(/on device [0-9a-f]{8}/);
    expect(await axeProblems(a.page, 'history panel (desktop)')).toEqual([]);
    await screenshot(a.page, 'history-panel');

    // Restoring is an ordinary, synced edit, made here by keyboard.
    const restore = lost.getByRole('button', { name: /^Restore this value/ });
    await restore.focus();
    await a.page.keyboard.press('Enter');
    await panel.getByText('Amount is -€11.00 again.').waitFor();
    await waitForSynced(a.page);
    // The refreshed history has the restore on top, and the lost value is now the current one.
    await waitUntil('the panel shows the restore', async () => {
      return (await entries.count()) === 4;
    });
    expect(await panel.locator('.history__restore').count()).toBe(0);
    await a.page.getByRole('button', { name: 'Close history' }).click();
    const editor = a.page.locator('fw-register-row-editor');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(await amountOf(registerRows(a.page, payee))).toBe('-€11.00');
    await notice.getByRole('button', { name: /^Dismiss/ }).click();
    await notice.waitFor({ state: 'detached' });

    await waitUntil('B shows the restored amount', async () => {
      return (await amountOf(registerRows(b.page, payee))) === '-€11.00';
    });
  });

  it('shows the same history on the phone, by keyboard, without sideways scroll', async () => {
    await openHistory(b.page, payee);
    const panel = b.page.locator('[data-test="history-panel"]');
    await panel.locator('.history__entry').nth(3).waitFor({ timeout: 30_000 });
    const newest = await panel.locator('.history__entry').first().innerText();
    expect(newest).toContain(`by ${ann.email}`);
    expect(newest).toContain('-€11.00');
    expect(newest).toContain('was -€22.00');
    expect(await panel.locator('.history__field--lost').count()).toBe(1);
    expect(await axeProblems(b.page, 'history panel (phone)')).toEqual([]);
    expect(await overflowProblems(b.page, 'history panel (phone)')).toEqual([]);
    await screenshot(b.page, 'history-panel-phone');
    expect(await syncStatus(b.page).innerText()).toMatch(/All changes synced/);
  });
});

/** Opens a row's editor and its History by keyboard. */
async function openHistory(page: Page, payee: string): Promise<Locator> {
  const edit = registerRows(page, payee).first().getByRole('button', { name: /^Edit/ });
  await edit.focus();
  await page.keyboard.press('Enter');
  const editor = page.locator('fw-register-row-editor');
  const button = editor.getByRole('button', { name: /^History/ });
  await button.focus();
  await page.keyboard.press('Enter');
  return editor;
}
