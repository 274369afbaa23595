import { renderPage } from '../../testing/page-harness';
import { accountRow, payeeRow, transactionRow } from '../../testing/rows';
import { LoadProgressComponent } from '../load-progress/load-progress.component';
import { SyncIndicatorComponent } from './sync-indicator.component';

describe('SyncIndicatorComponent', () => {
  it('shows connection, pending changes and the last sync time', async () => {
    const page = await renderPage(SyncIndicatorComponent);
    expect(page.text()).toContain('Offline');
    expect(page.text()).toContain('All changes synced');
    expect(page.text()).toContain('Not synced yet');

    const syncedAt = new Date();
    syncedAt.setHours(9, 5, 0, 0);
    page.client.setStatus({ online: true, pendingCount: 2, lastSyncedAt: syncedAt.toISOString() });
    await page.settle();

    expect(page.text()).toContain('Online');
    expect(page.text()).toContain('2 changes pending');
    expect(page.text()).toContain('Last synced 9:05 AM');
    expect(page.element.querySelector('time')?.getAttribute('datetime')).toBe(
      syncedAt.toISOString(),
    );
    expect(page.element.querySelector('[role="status"]')?.getAttribute('aria-label')).toBe(
      'Sync status',
    );

    page.client.setStatus({ pendingCount: 1 });
    await page.settle();
    expect(page.text()).toContain('1 change pending');
  });
});

describe('SyncIndicatorComponent: overwritten changes', () => {
  const account = accountRow({ name: 'Checking', currency: 'EUR' });
  const bakery = payeeRow({ name: 'Bakery' });
  const row = transactionRow({
    accountId: account.id,
    payeeId: bakery.id,
    amountMinor: -450,
    date: '2026-01-03',
  });
  const change = (mutationId: string, fields: string[], id = row.id) => ({
    mutationId,
    modelName: 'transactions',
    id,
    fields,
    at: '2026-01-03T10:00:00.000Z',
  });

  it('says how many of this user’s changes lost, links to the row’s history, and dismisses', async () => {
    const page = await renderPage(SyncIndicatorComponent, {
      seed: { accounts: [account], payees: [bakery], transactions: [row] },
    });
    expect(page.element.querySelector('[data-test="overwritten-notice"]')).toBeNull();

    page.client.setStatus({ overwritten: [change('m1', ['amountMinor', 'notes'])] });
    await page.settle();
    expect(page.text()).toContain('1 of your changes was overwritten by a newer change');
    const link = page.element.querySelector<HTMLAnchorElement>(
      '[data-test="overwritten-notice"] a',
    );
    expect(link?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'See the transaction "Bakery", -€4.50 on Jan 3, 2026',
    );
    expect(link?.getAttribute('href')).toBe(`/accounts/${account.id}?history=${row.id}`);
    expect(page.text()).toContain('(Amount, Notes)');

    page.client.setStatus({
      overwritten: [change('m1', ['amountMinor']), change('m2', ['date']), change('m3', ['notes'])],
    });
    await page.settle();
    expect(page.text()).toContain('3 of your changes were overwritten');
    // One link per row, with the fields of its newest lost change.
    expect(page.element.querySelectorAll('[data-test="overwritten-notice"] li')).toHaveLength(1);

    await page.click(/^Dismiss/);
    expect(page.client.status().overwritten).toEqual([]);
    expect(page.element.querySelector('[data-test="overwritten-notice"]')).toBeNull();
  });
});

describe('LoadProgressComponent', () => {
  it('shows a labelled progress bar only while the initial load runs', async () => {
    const page = await renderPage(LoadProgressComponent);
    expect(page.element.querySelector('progress')).toBeNull();

    page.client.setStatus({ initialLoad: { loaded: 1000, total: 5000 } });
    await page.settle();
    const bar = page.element.querySelector('progress');
    expect(bar?.value).toBe(1000);
    expect(bar?.max).toBe(5000);
    expect(page.byLabel(/Loading your household/)).toBe(bar);

    page.client.setStatus({ initialLoad: { loaded: 5000, total: 5000 } });
    await page.settle();
    expect(page.element.querySelector('progress')).toBeNull();
  });
});
