import type { Rejection } from '@finwise/sync-client';
import { renderPage } from '../../testing/page-harness';
import { RejectionNoticesComponent } from './rejection-notices.component';

function rejection(overrides: Partial<Rejection>): Rejection {
  return {
    mutationId: 'm1',
    modelName: 'transactions',
    id: 'row-1',
    operation: 'update',
    code: 'validation',
    message: 'data.amountMinor must be an integer amount in minor units',
    at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('RejectionNoticesComponent', () => {
  it('shows what was refused and why, one alert per change', async () => {
    const page = await renderPage(RejectionNoticesComponent);
    expect(page.element.querySelector('[role="alert"]')).toBeNull();

    page.client.setStatus({
      rejections: [
        rejection({}),
        rejection({
          mutationId: 'm2',
          modelName: 'account_groups',
          operation: 'create',
          code: 'clock_skew',
          message: 'x',
        }),
      ],
    });
    await page.settle();

    const alerts = [...page.element.querySelectorAll('[role="alert"]')].map((alert) =>
      alert.textContent?.replace(/\s+/g, ' '),
    );
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toContain('Your change to a transaction was not saved');
    expect(alerts[0]).toContain('data.amountMinor must be an integer amount in minor units.');
    expect(alerts[1]).toContain('Your new account group was not saved');
    expect(alerts[1]).toContain("this device's clock is more than 5 minutes ahead");
  });

  it('dismisses one notice, and clears them in the client once all are dismissed', async () => {
    const page = await renderPage(RejectionNoticesComponent);
    page.client.setStatus({
      rejections: [rejection({}), rejection({ mutationId: 'm2', operation: 'delete' })],
    });
    await page.settle();

    const [first] = [...page.element.querySelectorAll<HTMLButtonElement>('button')].filter(
      (button) => button.textContent?.trim() === 'Dismiss',
    );
    first.click();
    await page.settle();
    expect(page.element.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(page.text()).toContain('Deleting a transaction was not saved');
    expect(page.client.status().rejections).toHaveLength(2);

    await page.click('Dismiss');
    expect(page.element.querySelectorAll('[role="alert"]')).toHaveLength(0);
    expect(page.client.status().rejections).toEqual([]);
  });
});
