import { budgetMonthId } from '@finwise/finance';
import { budgetRow } from '../testing/rows';
import { renderPage } from '../testing/page-harness';
import { budgetHousehold, holdRow, textOf } from '../testing/budget-household';
import { BudgetPageComponent } from './budget-page.component';

describe('HoldControlsComponent', () => {
  const heldRow = (page: { client: { rows: Map<string, Map<string, object>> } }) =>
    page.client.rows.get('budget_months')?.get(budgetMonthId('2026-03'));

  it('holds money for next month in the month’s row, offering what is left to budget', async () => {
    const { seed } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    await page.click('Hold for next month…');
    const field = page.byLabel('Amount to hold for next month');
    expect(field.value).toBe('1400.00');
    expect(document.activeElement).toBe(field);

    await page.type('Amount to hold for next month', '500');
    await page.click('Hold');
    expect(heldRow(page)).toMatchObject({
      id: budgetMonthId('2026-03'),
      month: '2026-03',
      heldMinor: 50_000,
    });
    expect(textOf(page.element, 'held')).toBe('-€500.00');
    expect(textOf(page.element, 'to-budget')).toBe('€900.00');
    expect(textOf(page.element, 'budget-notice')).toBe(
      'Holding €500.00 more for next month; €500.00 held in all.',
    );
  });

  it('holds at most what is left to budget', async () => {
    const { seed } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, {
      seed: { ...seed, budget_months: [holdRow('2026-03', 40_000)] },
      inputs: { month: '2026-03' },
    });
    await page.click('Hold for next month…');
    await page.type('Amount to hold for next month', '5000');
    await page.click('Hold');
    expect(page.client.calls).toContain(
      `update budget_months ${budgetMonthId('2026-03')} {"heldMinor":140000}`,
    );
    expect(textOf(page.element, 'to-budget')).toBe('€0.00');
    expect(textOf(page.element, 'budget-notice')).toContain('(all that was left to budget)');
  });

  it('releases held money, and offers no hold while nothing is left to budget', async () => {
    const { seed, rent } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, {
      seed: {
        ...seed,
        budgets: [...seed.budgets, budgetRow(rent.id, '2026-02', 0)],
        budget_months: [holdRow('2026-03', 150_000)],
      },
      inputs: { month: '2026-03' },
    });
    expect(textOf(page.element, 'to-budget')).toBe('-€100.00');
    expect(page.text()).not.toContain('Hold for next month…');
    await page.click('Release held money…');
    expect(page.byLabel('Amount to release').value).toBe('1500.00');
    await page.type('Amount to release', '200');
    await page.click('Release');
    expect(heldRow(page)).toMatchObject({ heldMinor: 130_000 });
    expect(textOf(page.element, 'to-budget')).toBe('€100.00');
    expect(textOf(page.element, 'budget-notice')).toBe('Released €200.00 back to To Budget.');
  });

  it('releases at most what is held', async () => {
    const { seed } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, {
      seed: { ...seed, budget_months: [holdRow('2026-03', 40_000)] },
      inputs: { month: '2026-03' },
    });
    await page.click('Release held money…');
    await page.type('Amount to release', '9999');
    await page.click('Release');
    expect(heldRow(page)).toMatchObject({ heldMinor: 0 });
    expect(textOf(page.element, 'to-budget')).toBe('€1,400.00');
    expect(textOf(page.element, 'budget-notice')).toBe(
      'Released €400.00 back to To Budget (all that was held).',
    );
  });
});
