import { renderPage } from '../../testing/page-harness';
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
