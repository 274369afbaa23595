import type { Rejection } from '@finwise/sync-client';
import { renderPage } from '../../testing/page-harness';
import { accountRow, budgetRow, categoryRow, payeeRow, transactionRow } from '../../testing/rows';
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

function alerts(element: HTMLElement): string[] {
  return [...element.querySelectorAll('[role="alert"]')].map(
    (alert) => alert.textContent?.replace(/\s+/g, ' ') ?? '',
  );
}

describe('RejectionNoticesComponent', () => {
  it('shows what was refused and why in the words of the forms, one alert per change', async () => {
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

    const [first, second] = alerts(page.element);
    expect(alerts(page.element)).toHaveLength(2);
    expect(first).toContain('Your change to a transaction was not saved');
    expect(first).toContain('Amount must be an integer amount in minor units.');
    expect(second).toContain('Your new account group was not saved');
    expect(second).toContain("this device's clock is more than 5 minutes ahead");
    expect(page.text()).toContain('2 changes were not saved');
  });

  it('says in plain words that a change too large to send was not saved', async () => {
    const page = await renderPage(RejectionNoticesComponent);
    page.client.setStatus({
      rejections: [
        rejection({
          code: 'batch_too_large',
          message: 'a batch holds at most 262144 bytes of JSON (got 263201)',
        }),
      ],
    });
    await page.settle();

    const [notice] = alerts(page.element);
    expect(notice).toContain('Your change to a transaction was not saved');
    expect(notice).toContain('it is too large to send to the server.');
    expect(notice).not.toContain('262144');
  });

  it('names the row: payee, amount and date of a transaction, even once its create was undone', async () => {
    const giro = accountRow({ name: 'Giro', currency: 'EUR' });
    const bakeryPayee = payeeRow({ name: 'Bakery' });
    const bakery = transactionRow({
      accountId: giro.id,
      payeeId: bakeryPayee.id,
      amountMinor: -450,
      date: '2026-01-03',
    });
    const page = await renderPage(RejectionNoticesComponent, {
      seed: { accounts: [giro], payees: [bakeryPayee], transactions: [bakery] },
    });
    // The rollback of a refused create removes the row before the notice is read.
    await page.client.table('transactions').delete(bakery.id);
    page.client.setStatus({
      rejections: [
        rejection({
          id: bakery.id,
          operation: 'create',
          message: 'data.date must be a real calendar date; data.notes must not contain U+0000',
        }),
      ],
    });
    await page.settle();

    const [notice] = alerts(page.element);
    expect(notice).toContain('Your new transaction "Bakery", -€4.50 on Jan 3, 2026 was not saved');
    expect(notice).toContain('Date must be a real calendar date. Notes must not contain U+0000.');
  });

  it('names an account by its name and a budget by category and month', async () => {
    const giro = accountRow({ name: 'Giro' });
    const food = categoryRow({ name: 'Food' });
    const budget = budgetRow(food.id, '2026-03', 1000);
    const page = await renderPage(RejectionNoticesComponent, {
      seed: { accounts: [giro], categories: [food], budgets: [budget] },
    });
    page.client.setStatus({
      rejections: [
        rejection({
          modelName: 'accounts',
          id: giro.id,
          operation: 'delete',
          code: 'not_found',
          message: 'gone',
        }),
        rejection({
          mutationId: 'm2',
          modelName: 'budgets',
          id: budget.id,
          message: 'data.budgetedMinor must be an integer amount in minor units',
        }),
      ],
    });
    await page.settle();

    const [account, budgetNotice] = alerts(page.element);
    expect(account).toContain('Deleting the account "Giro" was not saved');
    expect(account).toContain('it no longer exists on the server.');
    expect(budgetNotice).toContain(
      'Your change to the budget for Food in March 2026 was not saved',
    );
    expect(budgetNotice).toContain('Budgeted amount must be an integer amount in minor units.');
  });

  it('dismisses one notice, and clears them in the client once all are dismissed', async () => {
    const page = await renderPage(RejectionNoticesComponent);
    page.client.setStatus({
      rejections: [rejection({}), rejection({ mutationId: 'm2', operation: 'delete' })],
    });
    await page.settle();

    await page.click(/^Dismiss: Your change/);
    expect(page.element.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(page.text()).toContain('Deleting a transaction was not saved');
    expect(page.client.status().rejections).toHaveLength(2);

    await page.click(/^Dismiss: Deleting/);
    expect(page.element.querySelectorAll('[role="alert"]')).toHaveLength(0);
    expect(page.client.status().rejections).toEqual([]);
  });
});
