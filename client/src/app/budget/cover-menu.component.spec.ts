import { transactionRow } from '../testing/rows';
import { renderPage } from '../testing/page-harness';
import { budgetHousehold, categoryLine, textOf } from '../testing/budget-household';
import { BudgetPageComponent } from './budget-page.component';

describe('CoverMenuComponent', () => {
  const moves = (page: { client: { rows: Map<string, Map<string, object>> } }) => [
    ...(page.client.rows.get('budget_moves')?.values() ?? []),
  ];

  it('covers an overspent category from another one, clamped to what that one has', async () => {
    const { seed, checking, groceries, fun } = budgetHousehold();
    // Groceries now overspent by 100.00; Fun has 80.00 left.
    const extra = transactionRow({
      accountId: checking.id,
      date: '2026-03-20',
      amountMinor: -5_000,
      categoryId: groceries.id,
    });
    const page = await renderPage(BudgetPageComponent, {
      seed: { ...seed, transactions: [...seed.transactions, extra] },
      inputs: { month: '2026-03' },
    });
    const trigger = page.element.querySelector<HTMLButtonElement>('.cover-menu__trigger');
    expect(trigger?.getAttribute('aria-label')).toBe(
      'Cover overspending of Groceries, available -€100.00',
    );
    await page.click(/Cover overspending|-€100\.00/);
    const items = [...page.element.querySelectorAll('[role="menuitem"]')].map((item) =>
      item.textContent?.replace(/\s+/g, '').trim(),
    );
    expect(items).toEqual(['ToBudget:€1,400.00', 'Fun:€80.00', 'Rent:€1,200.00']);

    await page.click(/^Fun/);
    expect(moves(page)).toEqual([
      expect.objectContaining({
        month: '2026-03',
        fromCategoryId: fun.id,
        toCategoryId: groceries.id,
        amountMinor: 8_000,
      }),
    ]);
    expect(textOf(page.element, 'budget-notice')).toBe(
      'Covered €80.00 of Groceries from Fun (all it had; €20.00 still overspent).',
    );
    expect(textOf(categoryLine(page.element, groceries.id), 'available')).toContain('-€20.00');
    expect(textOf(categoryLine(page.element, fun.id), 'available')).toBe('€0.00');
  });

  it('covers from To Budget with a move from the null side, then the menu is gone', async () => {
    const { seed, groceries } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    await page.click(/-€50\.00/);
    await page.click(/^To Budget/);
    expect(moves(page)).toEqual([
      expect.objectContaining({
        fromCategoryId: null,
        toCategoryId: groceries.id,
        amountMinor: 5_000,
      }),
    ]);
    expect(textOf(page.element, 'to-budget')).toBe('€1,350.00');
    expect(textOf(categoryLine(page.element, groceries.id), 'available')).toBe('€0.00');
    expect(page.element.querySelector('.cover-menu__trigger')).toBeNull();
    expect(document.activeElement?.textContent?.trim()).toBe('Groceries');
  });

  it('works from the keyboard: arrow down opens and moves, Escape closes back on the button', async () => {
    const { seed } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    const trigger = page.element.querySelector<HTMLButtonElement>('.cover-menu__trigger');
    if (!trigger) throw new Error('no cover menu');
    trigger.focus();
    const key = async (target: Element, name: string) => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
      await page.settle();
    };
    await key(trigger, 'ArrowDown');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.textContent).toContain('To Budget');
    await key(document.activeElement as Element, 'ArrowDown');
    expect(document.activeElement?.textContent).toContain('Fun');
    await key(document.activeElement as Element, 'ArrowUp');
    await key(document.activeElement as Element, 'ArrowUp');
    expect(document.activeElement?.textContent).toContain('Rent');
    await key(document.activeElement as Element, 'Escape');
    expect(page.element.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(moves(page)).toEqual([]);
  });
});
