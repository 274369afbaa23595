import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  expectNoCspViolations,
  expectOffline,
  openRegister,
  registerRows,
  signIn,
  waitForSynced,
  waitUntil,
} from './support/app';
import { Api, createMutation, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, PHONE, type Device } from './support/browser';
import { payeeIdFor } from './support/ids';
import { startServer, type RunningServer } from './support/server';

interface PulledRecord {
  id: string;
  categoryId?: string | null;
  deletedAt: string | null;
}

/**
 * Deleting a category with its transactions moving to another one (seen by a second session of
 * the same user), and the Undo of a transaction delete while offline: an undone delete never
 * reaches the server, one left to time out does, once the browser is back online.
 */
describe('deleting a category and undoing a delete', () => {
  let server: RunningServer;
  let api: Api;
  let a: Device;
  let b: Device;
  let session: ApiSession;
  const ann = { email: uniqueEmail('ann'), password: PASSWORD };
  const ids: Record<string, string> = {};

  /** Every row the server holds of an entity, tombstones included (the initial pull). */
  async function serverRows(modelName: string): Promise<PulledRecord[]> {
    const page = await api.request<{ changes: { modelName: string; record: PulledRecord }[] }>(
      'GET',
      '/sync/pull?limit=1000',
      undefined,
      session.accessToken,
    );
    return page.changes
      .filter((change) => change.modelName === modelName)
      .map((change) => change.record);
  }

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    session = await api.signUp(ann);
    const account = createMutation('accounts', {
      name: 'Checking',
      groupId: null,
      type: 'checking',
      currency: 'EUR',
      onBudget: true,
      closed: false,
      sortOrder: 10,
      note: null,
    });
    const category = (name: string, sortOrder: number) => {
      const mutation = createMutation('categories', {
        name,
        groupName: 'Living',
        isIncome: false,
        hidden: false,
        sortOrder,
        carryOverspending: false,
      });
      ids[name] = mutation.data.id;
      return mutation;
    };
    const payees = ['Bistro', 'Market', 'Coffee', 'Bakery'].map((name) =>
      createMutation('payees', { id: payeeIdFor(name), name, favorite: false }),
    );
    const spend = (name: string, amountMinor: number, fields: Record<string, unknown> = {}) => {
      const mutation = createMutation('transactions', {
        accountId: account.data.id,
        date: '2026-01-10',
        amountMinor,
        payeeId: payeeIdFor(name),
        categoryId: null,
        notes: null,
        cleared: false,
        reconciled: false,
        ...fields,
      });
      ids[name] = mutation.data.id;
      return mutation;
    };
    const market = spend('Market', -9000);
    await api.push(session, [
      account,
      category('Dining', 10),
      category('Food', 20),
      ...payees,
      spend('Bistro', -4000, { categoryId: ids['Dining'] }),
      market,
      spend('Market', -5000, { categoryId: ids['Dining'], parentId: market.data.id }),
      spend('Market', -4000, { categoryId: ids['Food'], parentId: market.data.id }),
      spend('Coffee', -350),
      spend('Bakery', -600),
    ]);
    [a, b] = await Promise.all([openDevice('undo-a', { viewport: PHONE }), openDevice('undo-b')]);
    await Promise.all([signIn(a.page, server.url, ann), signIn(b.page, server.url, ann)]);
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

  it('deletes a category, moving its transactions and split lines to the chosen one', async () => {
    const { page } = a;
    await page.goto(`${server.url}/categories`);
    await page.getByRole('button', { name: 'Delete Dining' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Dining?' });
    await expect(dialog.innerText()).resolves.toContain('2 transactions use Dining');
    await dialog.getByLabel('Move its transactions to').selectOption({ label: 'Food' });
    await dialog.getByRole('button', { name: 'Delete category' }).click();
    await page.getByText('Deleted Dining; 2 transactions moved to Food.').waitFor();
    await waitForSynced(page);

    const transactions = await serverRows('transactions');
    const onFood = transactions.filter((row) => row.categoryId === ids['Food'] && !row.deletedAt);
    expect(onFood).toHaveLength(3);
    expect(transactions.some((row) => row.categoryId === ids['Dining'])).toBe(false);
    const dining = (await serverRows('categories')).find((row) => row.id === ids['Dining']);
    expect(dining?.deletedAt).not.toBeNull();

    // The other session of the same user: the category is gone without a reload.
    await b.page.goto(`${server.url}/categories`);
    await b.page.getByRole('button', { name: 'Delete Food' }).waitFor();
    await waitUntil(
      'the second session no longer lists Dining',
      async () => (await b.page.getByRole('button', { name: 'Delete Dining' }).count()) === 0,
    );
  });

  it('undoes a transaction delete offline; a delete left to time out syncs once online', async () => {
    const { page, context } = a;
    await openRegister(page, server.url, 'Checking');
    await context.setOffline(true);
    await expectOffline(page, 0);

    const remove = async (payee: string) => {
      const row = registerRows(page, payee);
      await row.getByRole('button', { name: /^Delete/ }).click();
      await row.getByRole('button', { name: /^Confirm delete/ }).click();
    };
    const toast = page.getByRole('status').filter({ hasText: 'Transaction deleted.' });

    await remove('Coffee');
    await toast.waitFor();
    await registerRows(page, 'Coffee').waitFor({ state: 'detached' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await registerRows(page, 'Coffee').waitFor();
    await expectOffline(page, 0);

    await remove('Bakery');
    await registerRows(page, 'Bakery').waitFor({ state: 'detached' });
    // Held for the Undo offer's few seconds, then queued: one change pending, still offline.
    await toast.waitFor({ state: 'detached', timeout: 15_000 });
    await expectOffline(page, 1);

    await context.setOffline(false);
    await waitForSynced(page);
    const rows = await serverRows('transactions');
    expect(rows.find((row) => row.id === ids['Coffee'])?.deletedAt).toBeNull();
    expect(rows.find((row) => row.id === ids['Bakery'])?.deletedAt).not.toBeNull();
    expect(await registerRows(page, 'Coffee').count()).toBe(1);
  });
});
