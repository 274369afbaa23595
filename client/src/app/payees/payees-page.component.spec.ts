import { payeeIdFor } from '@finwise/finance';
import { RejectionNoticesComponent } from '../sync-status/rejection-notices/rejection-notices.component';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { categoryRow, payeeRow, transactionRow } from '../testing/rows';
import { PayeesPageComponent } from './payees-page.component';

describe('PayeesPageComponent', () => {
  const food = categoryRow({ name: 'Food' });
  const bakery = payeeRow({ name: 'Bakery' });
  const baker = payeeRow({ name: 'Baker Street Bakery' });
  const gym = payeeRow({ name: 'Gym' });
  const uses = (payeeId: string, times: number) =>
    Array.from({ length: times }, () => transactionRow({ accountId: 'a', payeeId }));

  let page: PageHarness<PayeesPageComponent>;

  beforeEach(async () => {
    page = await renderPage(PayeesPageComponent, {
      seed: {
        categories: [food],
        payees: [bakery, baker, gym],
        transactions: [...uses(bakery.id, 2), ...uses(baker.id, 3)],
      },
    });
  });

  const item = (name: string) => page.within(`[data-payee="${name}"]`);
  const updates = () => page.client.calls.filter((call) => !call.startsWith('connect'));

  it('lists every payee with how many transactions it has, and offers no delete', () => {
    expect(page.element.querySelector('h1')?.textContent).toContain('Payees');
    expect(item('Bakery').text()).toContain('2 transactions');
    expect(item('Gym').text()).toContain('0 transactions');
    expect(page.element.querySelectorAll('fw-payee-item')).toHaveLength(3);
    expect(page.text()).not.toMatch(/Delete/);
  });

  it('renames a payee, refusing a name another payee has', async () => {
    await item('Gym').click(/^Rename/);
    await item('Gym').type('New name for Gym', 'bakery');
    await item('Gym').click('Save name');
    expect(item('Gym').text()).toContain('Another payee is called Bakery: merge the two instead.');
    expect(updates()).toEqual([]);

    await item('Gym').type('New name for Gym', '  Fitness   club ');
    await item('Gym').click('Save name');
    expect(updates()).toEqual([`update payees ${gym.id} {"name":"Fitness club"}`]);
    expect(page.text()).toContain('Fitness club');
  });

  it('sets a default category and marks a favorite', async () => {
    const select = item('Gym').byLabel<HTMLSelectElement>('Default category for Gym');
    select.value = food.id;
    select.dispatchEvent(new Event('change'));
    await page.settle();
    expect(select.value).toBe(food.id);
    expect(updates()).toEqual([`update payees ${gym.id} {"defaultCategoryId":"${food.id}"}`]);

    const favorite = [...page.element.querySelectorAll('[data-payee="Gym"] button')].find(
      (button) => button.textContent?.includes('Favorite'),
    );
    expect(favorite?.getAttribute('aria-pressed')).toBe('false');
    await item('Gym').click('Favorite Gym');
    expect(updates()).toContain(`update payees ${gym.id} {"favorite":true}`);
    expect(favorite?.getAttribute('aria-pressed')).toBe('true');
  });

  it('merges a payee into another with one write, after saying how many transactions follow', async () => {
    await item('Baker Street Bakery').click(/^Merge Baker Street Bakery into/);
    await item('Baker Street Bakery').type('Merge Baker Street Bakery into', bakery.id);
    await item('Baker Street Bakery').click('Continue');

    expect(item('Baker Street Bakery').text()).toContain(
      'Merge Baker Street Bakery into Bakery? Its 3 transactions will show Bakery',
    );
    expect(updates()).toEqual([]);
    await item('Baker Street Bakery').click('Merge');

    expect(updates()).toEqual([`update payees ${baker.id} {"mergedIntoId":"${bakery.id}"}`]);
    expect(page.element.querySelector('[data-payee="Baker Street Bakery"]')).toBeNull();
    expect(item('Bakery').text()).toContain('5 transactions');
    expect(page.text()).toContain('Baker Street Bakery → Bakery');

    await page.click(/^Undo merge/);
    expect(updates()).toContain(`update payees ${baker.id} {"mergedIntoId":null}`);
  });

  it('cancels a merge without writing', async () => {
    await item('Gym').click(/^Merge Gym into/);
    await item('Gym').type('Merge Gym into', bakery.id);
    await item('Gym').click('Continue');
    await item('Gym').click('Cancel');
    expect(updates()).toEqual([]);
    expect(item('Gym').text()).not.toContain('Merge Gym into Bakery?');
  });

  it('adds a payee with the id of its name, and not twice', async () => {
    await page.type('New payee', ' Fish  market');
    await page.click('Add payee');
    expect(page.client.rows.get('payees')?.get(payeeIdFor('fish market'))).toMatchObject({
      name: 'Fish market',
    });
    expect(page.text()).toContain('Added Fish market.');

    await page.type('New payee', 'GYM');
    await page.click('Add payee');
    expect(page.text()).toContain('Gym is already a payee.');
  });

  it('finds payees by part of their name', async () => {
    await page.type('Find a payee', 'bak');
    expect(page.element.querySelectorAll('fw-payee-item')).toHaveLength(2);
    expect(page.text()).toContain('2 of 3 payees');
  });
});

describe('payee rejection notices', () => {
  it('words a refused change to a payee in a rejection notice', async () => {
    const row = { ...payeeRow({ name: 'Corner shop' }) };
    const notices = await renderPage(RejectionNoticesComponent, { seed: { payees: [row] } });
    notices.client.setStatus({
      rejections: [
        {
          mutationId: 'm1',
          modelName: 'payees',
          id: row.id,
          operation: 'update',
          code: 'validation',
          message: 'data.name is out of range',
          at: '2026-01-01T00:00:00.000Z',
        },
      ],
    });
    await notices.settle();
    expect(notices.text()).toContain('Your change to the payee "Corner shop" was not saved');
    expect(notices.text()).toContain('Name is out of range.');
  });
});
