import { accountRow, categoryRow, payeeRow, transactionRow } from '../../testing/rows';
import { renderPage, type PageHarness } from '../../testing/page-harness';
import { RegisterPageComponent } from '../register-page.component';
import { SEARCH_DEBOUNCE_MS } from './register-search.component';

describe('RegisterPageComponent search and filters', () => {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const groceries = categoryRow({ name: 'Groceries' });
  const bakery = payeeRow({ name: 'Corner Bakery' });
  const landlord = payeeRow({ name: 'Landlord' });
  const bread = transactionRow({
    accountId: checking.id,
    payeeId: bakery.id,
    amountMinor: -450,
    date: '2026-01-03',
    categoryId: groceries.id,
    cleared: true,
  });
  const rent = transactionRow({
    accountId: checking.id,
    payeeId: landlord.id,
    amountMinor: -90_000,
    date: '2026-02-01',
    notes: 'February rent',
  });

  let page: PageHarness<RegisterPageComponent>;

  beforeEach(async () => {
    page = await renderPage(RegisterPageComponent, {
      seed: {
        accounts: [checking],
        categories: [groceries],
        payees: [bakery, landlord],
        transactions: [bread, rent],
      },
      inputs: { accountId: checking.id },
    });
  });

  const box = () => page.element.querySelector<HTMLInputElement>('[data-test="register-search"]');
  const rows = () =>
    [...page.element.querySelectorAll('.register__row')].map((row) =>
      (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  const count = () =>
    page.element.querySelector('[data-test="register-count"]')?.textContent?.replace(/\s+/g, ' ');

  async function search(text: string): Promise<void> {
    const input = box();
    if (!input) throw new Error('No search box');
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await page.settle();
  }

  async function key(target: EventTarget, name: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    await page.settle();
    return event;
  }

  it('narrows the rows to the matches, with their count, after a short pause', async () => {
    await search('bakery');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toContain('Corner Bakery');
    expect(count()).toContain('1 of 2 transactions match');

    await search('-900');
    expect(rows().map((row) => row.includes('Landlord'))).toEqual([true]);
  });

  it('says so when nothing matches and offers to show everything again', async () => {
    await search('nothing like this');
    expect(rows()).toEqual([]);
    expect(page.text()).toContain('No transactions match this search');
    await page.click('Show all transactions');
    expect(rows()).toHaveLength(2);
    expect(box()?.value).toBe('');
    expect(document.activeElement).toBe(box());
  });

  it('combines the text with the filters', async () => {
    const uncleared = page.element.querySelector<HTMLInputElement>(
      '[data-test="filter-uncleared"]',
    );
    uncleared?.click();
    await page.settle();
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toContain('Landlord');
    await search('groceries');
    expect(rows()).toEqual([]);
    expect(page.text()).toContain('Filters (1)');
  });

  it('keeps text typed just before a filter changes', async () => {
    const input = box();
    if (!input) throw new Error('No search box');
    input.value = 'landlord';
    input.dispatchEvent(new Event('input'));
    page.element.querySelector<HTMLInputElement>('[data-test="filter-uncleared"]')?.click();
    await page.settle();
    expect(input.value).toBe('landlord');
    expect(rows().map((row) => row.includes('Landlord'))).toEqual([true]);
  });

  it('warns about a date range that ends before it starts', async () => {
    const from = page.element.querySelector<HTMLInputElement>('[data-test="filter-from"]');
    const to = page.element.querySelector<HTMLInputElement>('[data-test="filter-to"]');
    if (!from || !to) throw new Error('No date filters');
    from.value = '2026-01-02';
    from.dispatchEvent(new Event('change'));
    await page.settle();
    expect(rows()).toHaveLength(2);
    to.value = '2026-01-31';
    to.dispatchEvent(new Event('change'));
    await page.settle();
    expect(rows().map((row) => row.includes('Bakery'))).toEqual([true]);
    from.value = '2026-03-01';
    from.dispatchEvent(new Event('change'));
    await page.settle();
    expect(page.element.querySelector('[data-test="filter-range-error"]')).not.toBeNull();
    expect(rows()).toEqual([]);
  });

  it('focuses the box on "/" from the page, but not while typing in another field', async () => {
    const slash = await key(page.element, '/');
    expect(slash.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(box());

    const notes = page.byLabel(/^Notes/);
    notes.focus();
    const typed = await key(notes, '/');
    expect(typed.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(notes);
  });

  it('clears the search on Escape', async () => {
    await search('landlord');
    expect(rows()).toHaveLength(1);
    const input = box();
    if (!input) throw new Error('No search box');
    const escape = await key(input, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(input.value).toBe('');
    expect(rows()).toHaveLength(2);
    expect(count()).toContain('2 transactions, newest first');
  });
});
