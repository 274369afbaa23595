import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  addTransaction,
  expectNoCspViolations,
  openRegister,
  registerRows,
  signIn,
  waitUntil,
} from './support/app';
import { Api, PASSWORD, uniqueEmail, type ApiSession } from './support/api';
import { openDevice, type Device } from './support/browser';
import { startServer, type RunningServer } from './support/server';

interface LockSnapshot {
  held: string[];
  pending: string[];
}

/** The Web Locks the app holds and waits for: one leader per household database. */
async function locks(page: Page): Promise<LockSnapshot> {
  return page.evaluate(async () => {
    const state = await navigator.locks.query();
    const names = (list: LockInfo[] | undefined) => (list ?? []).map((lock) => lock.name ?? '');
    return { held: names(state.held), pending: names(state.pending) };
  });
}

/**
 * Several tabs of one browser share one local database: exactly one tab (the Web Lock holder)
 * owns the socket and drains the outbox, every tab shows changes live, and closing the leader
 * hands leadership to another tab.
 */
describe('FinWise in several tabs of one browser', () => {
  let server: RunningServer;
  let device: Device;
  let second: Page;
  let api: Api;
  let session: ApiSession;
  const ann = { email: uniqueEmail('tabs'), password: PASSWORD };

  const onServer = (payee: string) => async () => {
    const payees = await api.list<{ id: string; name: string }>(session, 'payees');
    const ids = new Set(payees.filter((row) => row.name === payee).map((row) => row.id));
    const rows = await api.list<{ payeeId: string | null }>(session, 'transactions');
    return rows.some((row) => row.payeeId !== null && ids.has(row.payeeId));
  };

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    session = await api.signUp(ann);
    device = await openDevice('tabs');
    await signIn(device.page, server.url, ann);
    await device.page.getByLabel('Name', { exact: true }).first().fill('Giro');
    await device.page.getByRole('button', { name: 'Open account' }).click();
    await device.page.getByRole('link', { name: 'Giro', exact: true }).waitFor();
    second = await device.context.newPage();
    await second.goto(`${server.url}/accounts`);
    await openRegister(device.page, server.url, 'Giro');
    await openRegister(second, server.url, 'Giro');
  });

  afterAll(async () => {
    if (device) {
      expectNoCspViolations(device.errors);
      await device.close();
    }
    await server?.stop();
  });

  it('elects exactly one leader among the tabs', async () => {
    await waitUntil('one tab holds the leader lock and the other waits for it', async () => {
      const snapshot = await locks(second);
      return snapshot.held.length === 1 && snapshot.pending.length === 1;
    });
    const snapshot = await locks(device.page);
    expect(snapshot.held).toHaveLength(1);
    expect(snapshot.pending).toEqual(snapshot.held);
  });

  it('shows a write of one tab in the other live, and the follower’s write reaches the server', async () => {
    await addTransaction(second, { payee: 'Written in tab two', amount: '-3.00' });
    await registerRows(device.page, 'Written in tab two').first().waitFor({ timeout: 30_000 });
    await waitUntil(
      'the follower tab’s transaction is on the server',
      onServer('Written in tab two'),
    );
  });

  it('hands leadership over when the leading tab closes', async () => {
    const before = await locks(second);
    await device.page.close();
    await waitUntil('the remaining tab holds the lock', async () => {
      const snapshot = await locks(second);
      return snapshot.held.length === 1 && snapshot.pending.length === 0;
    });
    expect((await locks(second)).held).toEqual(before.held);
    await addTransaction(second, { payee: 'After the hand-over', amount: '-1.00' });
    await waitUntil('the new leader syncs the write', onServer('After the hand-over'));
  });
});
