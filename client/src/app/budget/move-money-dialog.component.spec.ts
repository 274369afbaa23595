import { renderPage } from '../testing/page-harness';
import { budgetHousehold, categoryLine, textOf } from '../testing/budget-household';
import { BudgetPageComponent } from './budget-page.component';

describe('MoveMoneyDialogComponent', () => {
  const moves = (page: { client: { rows: Map<string, Map<string, object>> } }) => [
    ...(page.client.rows.get('budget_moves')?.values() ?? []),
  ];
  const dialogOpen = (root: HTMLElement) => root.querySelector('dialog')?.hasAttribute('open');

  it('moves money between two categories as one budget_moves row', async () => {
    const { seed, rent, fun } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    await page.click('Move money…');
    expect(dialogOpen(page.element)).toBe(true);
    expect(document.activeElement).toBe(page.byLabel('Amount'));

    await page.type('From', rent.id);
    await page.type('To', fun.id);
    await page.type('Amount', '200');
    await page.type(/^Note/, 'concert');
    await page.click('Move');

    expect(moves(page)).toEqual([
      expect.objectContaining({
        month: '2026-03',
        fromCategoryId: rent.id,
        toCategoryId: fun.id,
        amountMinor: 20_000,
        note: 'concert',
      }),
    ]);
    expect(dialogOpen(page.element)).toBe(false);
    expect(textOf(page.element, 'budget-notice')).toBe('Moved €200.00 from Rent to Fun.');
    expect(textOf(categoryLine(page.element, fun.id), 'available')).toBe('€280.00');
    expect(categoryLine(page.element, fun.id).textContent).toContain('+€200.00 moved');
    expect(textOf(page.element, 'to-budget')).toBe('€1,400.00');
  });

  it('moves to and from To Budget with a null side, opened from a category', async () => {
    const { seed, fun } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    await page.click('Fun');
    await page.click('Move money from Fun…');
    expect(page.byLabel<HTMLSelectElement>('From').value).toBe(fun.id);
    expect(page.byLabel<HTMLSelectElement>('To').value).toBe('');
    await page.type('Amount', '30');
    await page.click('Move');
    expect(moves(page)).toEqual([
      expect.objectContaining({ fromCategoryId: fun.id, toCategoryId: null, amountMinor: 3_000 }),
    ]);
    expect(textOf(page.element, 'to-budget')).toBe('€1,430.00');
  });

  it('says when a move leaves the source below zero, and refuses nonsense', async () => {
    const { seed, fun, rent } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    await page.click('Move money…');
    await page.type('From', fun.id);
    await page.type('Amount', '100');
    expect(page.text()).toContain('Fun has €80.00; this leaves -€20.00');

    await page.type('To', fun.id);
    await page.click('Move');
    expect(page.text()).toContain('Choose two different places to move money between.');
    await page.type('To', rent.id);
    await page.type('Amount', '0');
    await page.click('Move');
    expect(page.text()).toContain('Enter an amount more than 0.');
    expect(page.byLabel('Amount').getAttribute('aria-invalid')).toBe('true');
    expect(moves(page)).toEqual([]);

    await page.click('Cancel');
    expect(dialogOpen(page.element)).toBe(false);
  });
});
