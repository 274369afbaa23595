import { accountRow, categoryRow, payeeRow, transactionRow } from '../testing/rows';
import { renderPage, type PageHarness } from '../testing/page-harness';
import { RegisterPageComponent } from './register-page.component';

describe('PayeePickerComponent (in the register)', () => {
  const checking = accountRow({ name: 'Checking' });
  const rent = categoryRow({ name: 'Rent' });
  const landlord = payeeRow({ name: 'Landlord', defaultCategoryId: rent.id });
  const lawyer = payeeRow({ name: 'Law firm', favorite: true });
  const row = transactionRow({ accountId: checking.id, payeeId: landlord.id });

  let page: PageHarness<RegisterPageComponent>;
  let input: HTMLInputElement;

  beforeEach(async () => {
    page = await renderPage(RegisterPageComponent, {
      seed: {
        accounts: [checking],
        categories: [rent],
        payees: [landlord, lawyer],
        transactions: [row],
      },
      inputs: { accountId: checking.id },
    });
    input = page.within('[data-test="add-transaction"]').byLabel('Payee');
  });

  async function typeText(text: string): Promise<void> {
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await page.settle();
  }

  async function press(key: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    input.dispatchEvent(event);
    await page.settle();
    return event;
  }

  function options(): string[] {
    const list = page.element.querySelector(`#${input.getAttribute('aria-controls')}`);
    return [...(list?.querySelectorAll('[role="option"]') ?? [])].map(
      (option) => option.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
  }

  it('is a combobox whose list follows the typed text, favorites first, with a create line', async () => {
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');

    await typeText('la');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['Law firm ★ (favorite)', 'Landlord', 'Create payee “la”']);
  });

  it('moves through the list with the arrow keys and picks with Enter, filling the category', async () => {
    await typeText('la');
    await press('ArrowDown');
    await press('ArrowDown');
    const active = input.getAttribute('aria-activedescendant');
    expect(page.element.querySelector(`#${active}`)?.textContent).toContain('Landlord');
    expect(page.element.querySelector(`#${active}`)?.getAttribute('aria-selected')).toBe('true');

    const enter = await press('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(input.value).toBe('Landlord');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(page.byLabel<HTMLSelectElement>('Category').value).toBe(rent.id);
  });

  it('wraps around with ArrowUp and closes on Escape without leaving the form', async () => {
    await typeText('la');
    await press('ArrowUp');
    expect(
      page.element.querySelector(`#${input.getAttribute('aria-activedescendant')}`)?.textContent,
    ).toContain('Create payee');

    const escape = await press('Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('la');

    const again = await press('Escape');
    expect(again.defaultPrevented).toBe(false);
  });

  it('picks with the pointer and lets Enter submit the form when nothing is highlighted', async () => {
    await typeText('law');
    const option = [...page.element.querySelectorAll<HTMLElement>('[role="option"]')].find(
      (candidate) => candidate.textContent?.includes('Law firm'),
    );
    option?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    await page.settle();
    expect(input.value).toBe('Law firm');

    const enter = await press('Enter');
    expect(enter.defaultPrevented).toBe(false);
  });
});
