import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoCspViolations, expectOffline, signIn, waitForSynced } from './support/app';
import { Api, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/** Rows of one table of the household's local database, read straight from IndexedDB. */
function localRows(page: Page, tenantId: string, table: string): Promise<unknown[]> {
  return page.evaluate(
    ([name, store]) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as unknown[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [`finwise-${tenantId}`, table] as const,
  );
}

async function removeInSettings(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: `Remove ${email}` }).click();
  await page.getByRole('alertdialog').getByText(`Remove ${email} from`).waitFor();
  await page.getByRole('button', { name: 'Remove member' }).click();
  await page.locator('[data-test="member"]', { hasText: email }).waitFor({ state: 'detached' });
}

const notice = (page: Page) => page.locator('[data-test="signed-out-notice"]');

/**
 * An owner removes members in Settings. A removed member's app ends the session and says why,
 * whether it was online (its socket is closed and its refresh refused) or offline (its next
 * handshake is refused), and the household's data and unsynced changes stay on that device.
 */
describe('household members', () => {
  let server: RunningServer;
  let api: Api;
  let ann: Device;
  let bob: Device;
  let cy: Device;
  let household: ApiSession;
  const people = {
    ann: { email: uniqueEmail('ann'), password: PASSWORD },
    bob: { email: uniqueEmail('bob'), password: PASSWORD },
    cy: { email: uniqueEmail('cy'), password: PASSWORD },
  };

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    household = await api.signUp({ ...people.ann, tenantName: 'Ann & Co' });
    for (const member of [people.bob, people.cy]) {
      await api.signUp({ ...member, inviteCode: await api.invite(household) });
    }
    [ann, bob, cy] = await Promise.all([openDevice('ann'), openDevice('bob'), openDevice('cy')]);
    await signIn(ann.page, server.url, people.ann);
    await signIn(bob.page, server.url, people.bob);
    await signIn(cy.page, server.url, people.cy);
    await ann.page.goto(`${server.url}/settings`);
  });

  afterAll(async () => {
    for (const device of [ann, bob, cy]) {
      if (device) {
        expectNoCspViolations(device.errors);
        await device.close();
      }
    }
    await server?.stop();
  });

  it('lists the members with their roles; only the owner may remove', async () => {
    const members = ann.page.locator('[data-test="member"]');
    await members.nth(2).waitFor();
    expect((await members.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))).toEqual([
      expect.stringContaining(`${people.ann.email} (you) · Owner`),
      expect.stringContaining(`${people.bob.email} · Member`),
      expect.stringContaining(`${people.cy.email} · Member`),
    ]);
    await cy.page.goto(`${server.url}/settings`);
    await cy.page.locator('[data-test="member"]').nth(2).waitFor();
    expect(await cy.page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await cy.page.getByRole('button', { name: 'Create invite code' }).count()).toBe(0);
    await cy.page.goto(`${server.url}/accounts`);
  });

  it('signs an online member out at once, saying why', async () => {
    await waitForSynced(cy.page);
    await removeInSettings(ann.page, people.cy.email);

    await cy.page.waitForURL(/\/login$/, { timeout: 30_000 });
    await notice(cy.page).waitFor();
    expect((await notice(cy.page).innerText()).replace(/\s+/g, ' ')).toContain(
      'You were signed out because you were removed from the household Ann & Co.',
    );
  });

  it('signs an offline member out when it reconnects, keeping its unsynced change on the device', async () => {
    await waitForSynced(bob.page);
    await bob.context.setOffline(true);
    await expectOffline(bob.page, 0);
    await bob.page.getByLabel('Name', { exact: true }).first().fill('Bob offline');
    await bob.page.getByRole('button', { name: 'Open account' }).click();
    await expectOffline(bob.page, 1);

    await removeInSettings(ann.page, people.bob.email);
    await bob.context.setOffline(false);

    await bob.page.waitForURL(/\/login$/, { timeout: 30_000 });
    expect((await notice(bob.page).innerText()).replace(/\s+/g, ' ')).toContain(
      'removed from the household Ann & Co.',
    );
    // The household's local data and the outbox are still on the device.
    const outbox = await localRows(bob.page, household.tenant.id, 'outbox');
    expect(outbox).toHaveLength(1);
    const accounts = (await localRows(bob.page, household.tenant.id, 'accounts')) as {
      name: string;
    }[];
    expect(accounts.map((row) => row.name)).toContain('Bob offline');
    // And nothing of it reached the household.
    const onServer = await api.list<{ name: string }>(household, 'accounts');
    expect(onServer.map((row) => row.name)).not.toContain('Bob offline');
  });
});
