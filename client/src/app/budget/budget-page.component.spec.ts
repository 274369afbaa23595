import { budgetCellId, settingsId } from '@finwise/finance';
import { budgetRow, categoryRow } from '../testing/rows';
import { renderPage } from '../testing/page-harness';
import { budgetHousehold, categoryLine, holdRow, textOf } from '../testing/budget-household';
import { BudgetPageComponent } from './budget-page.component';

describe('BudgetPageComponent', () => {
  it('shows the month per category and how To Budget comes about', async () => {
    const { seed, groceries, fun, rent } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });

    expect(page.element.querySelector('h1')?.textContent).toContain('March 2026');
    expect(textOf(page.element, 'to-budget')).toBe('€1,400.00');
    expect(textOf(page.element, 'income')).toBe('€3,000.00');
    expect(textOf(page.element, 'from-last-month')).toBe('€0.00');
    expect(textOf(page.element, 'total-budgeted')).toBe('-€1,600.00');
    expect(textOf(page.element, 'held')).toBe('€0.00');
    expect(page.element.querySelector('[data-test="safe-to-assign"]')).toBeNull();

    const groceriesLine = categoryLine(page.element, groceries.id);
    expect(groceriesLine.querySelector('input')?.value).toBe('300.00');
    expect(groceriesLine.textContent).toContain('-€350.00');
    expect(textOf(groceriesLine, 'available')).toContain('-€50.00');
    expect(textOf(categoryLine(page.element, fun.id), 'available')).toBe('€80.00');
    expect(textOf(categoryLine(page.element, rent.id), 'available')).toBe('€1,200.00');
    expect(page.element.querySelector('figure')?.textContent).toContain('Groceries');
    expect(page.element.querySelector('figure canvas')).not.toBeNull();
    expect(page.element.querySelector('a[aria-label="Previous month"]')?.getAttribute('href')).toBe(
      '/budget/2026-02',
    );
    expect(page.element.querySelector('a[aria-label="Next month"]')?.getAttribute('href')).toBe(
      '/budget/2026-04',
    );
  });

  it('resets overspending next month and takes it out of To Budget', async () => {
    const { seed, groceries } = budgetHousehold();
    const april = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-04' } });
    expect(textOf(april.element, 'from-last-month')).toBe('€1,400.00');
    expect(textOf(april.element, 'overspent-last-month')).toBe('-€50.00');
    expect(textOf(april.element, 'to-budget')).toBe('€1,350.00');
    expect(textOf(categoryLine(april.element, groceries.id), 'available')).toBe('€0.00');
  });

  it('keeps overspending in a category that carries it, and To Budget untouched', async () => {
    const { seed, groceries } = budgetHousehold();
    const carrying = { ...groceries, carryOverspending: true };
    const april = await renderPage(BudgetPageComponent, {
      seed: { ...seed, categories: [carrying, ...seed.categories.slice(1)] },
      inputs: { month: '2026-04' },
    });
    expect(textOf(april.element, 'overspent-last-month')).toBe('€0.00');
    expect(textOf(april.element, 'to-budget')).toBe('€1,400.00');
    expect(textOf(categoryLine(april.element, groceries.id), 'available')).toContain('-€50.00');
    expect(categoryLine(april.element, groceries.id).textContent).toContain('carries overspending');
  });

  it('shows what is safe to assign when a later month already budgets more', async () => {
    const { seed, rent } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, {
      seed: { ...seed, budgets: [...seed.budgets, budgetRow(rent.id, '2026-05', 150_000)] },
      inputs: { month: '2026-03' },
    });
    // April: 1,400 − 50 overspent = 1,350; May: 1,350 − 1,500 = −150, the lowest from March on.
    expect(textOf(page.element, 'to-budget')).toBe('€1,400.00');
    expect(textOf(page.element, 'safe-to-assign')).toContain('Safe to assign now: -€150.00');
  });

  it('takes held money out of To Budget and gives it to next month', async () => {
    const { seed } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, {
      seed: { ...seed, budget_months: [holdRow('2026-03', 40_000)] },
      inputs: { month: '2026-03' },
    });
    expect(textOf(page.element, 'held')).toBe('-€400.00');
    expect(textOf(page.element, 'to-budget')).toBe('€1,000.00');
    page.fixture.componentRef.setInput('month', '2026-04');
    await page.settle();
    expect(textOf(page.element, 'from-last-month')).toBe('€1,400.00');
  });

  it('warns about uncategorized money and accounts left out for their currency', async () => {
    const { seed } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    const uncategorized = textOf(page.element, 'uncategorized');
    expect(uncategorized).toContain('Uncategorized');
    expect(uncategorized).toContain('-€10.00 this month has no category');
    expect(textOf(page.element, 'excluded-accounts')).toContain('Travel card (USD)');
    // The travel card's spending is in no number of the budget.
    expect(page.text()).not.toContain('99.99');
  });

  it('lists a hidden category while it holds money and counts it either way', async () => {
    const { seed } = budgetHousehold();
    const old = categoryRow({
      name: 'Old hobby',
      groupName: 'Living',
      hidden: true,
      sortOrder: 40,
    });
    const unused = categoryRow({
      name: 'Unused',
      groupName: 'Living',
      hidden: true,
      sortOrder: 50,
    });
    const page = await renderPage(BudgetPageComponent, {
      seed: {
        ...seed,
        categories: [...seed.categories, old, unused],
        budgets: [...seed.budgets, budgetRow(old.id, '2026-03', 5_000)],
      },
      inputs: { month: '2026-03' },
    });
    expect(categoryLine(page.element, old.id).textContent).toContain('hidden');
    expect(page.element.querySelector(`tr[data-category="${unused.id}"]`)).toBeNull();
    expect(textOf(page.element, 'to-budget')).toBe('€1,350.00');
  });

  it('budgets in the currency of the settings row', async () => {
    const { seed, checking, travel } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, {
      seed: {
        ...seed,
        settings: [{ id: settingsId(), budgetCurrency: 'USD', locale: null }],
      },
      inputs: { month: '2026-03' },
    });
    // Now the euro account is left out and the travel card is in; budget cells keep their amounts.
    expect(textOf(page.element, 'excluded-accounts')).toContain(`${checking.name} (EUR)`);
    expect(textOf(page.element, 'excluded-accounts')).not.toContain(travel.name);
    expect(textOf(page.element, 'to-budget')).toBe('-$1,600.00');
    expect(textOf(page.element, 'uncategorized')).toContain('-$99.99');
  });

  it('budgets a category by typing: Enter saves under the deterministic id and goes on', async () => {
    const { seed, groceries, fun } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-04' } });
    const field = page.byLabel('Budgeted for Groceries');
    field.focus();
    field.value = '75,5';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    // Focus moving on fires the change event too; it must not write a second time.
    field.dispatchEvent(new Event('change'));
    await page.settle();

    const id = budgetCellId(groceries.id, '2026-04');
    expect(page.client.rows.get('budgets')?.get(id)).toMatchObject({
      categoryId: groceries.id,
      month: '2026-04',
      budgetedMinor: 7_550,
    });
    expect(page.client.calls.filter((call) => call.includes(id))).toEqual([`create budgets ${id}`]);
    expect(document.activeElement).toBe(page.byLabel('Budgeted for Fun'));
    expect(fun.id).toBeTruthy();

    await page.type('Budgeted for Groceries', '80');
    expect(page.client.calls).toContain(`update budgets ${id} {"budgetedMinor":8000}`);
    await page.type('Budgeted for Groceries', '');
    expect(page.client.calls).toContain(`update budgets ${id} {"budgetedMinor":0}`);
  });

  it('explains an amount it cannot read and writes nothing', async () => {
    const { seed } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    const before = page.client.calls.length;
    await page.type('Budgeted for Fun', 'ten');
    expect(page.text()).toContain('Enter a number such as -12.50.');
    expect(page.byLabel('Budgeted for Fun').getAttribute('aria-invalid')).toBe('true');
    expect(page.client.calls.length).toBe(before);

    const field = page.byLabel('Budgeted for Fun');
    field.focus();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await page.settle();
    expect(document.activeElement).toBe(field);
  });

  it('copies last month’s typed amounts, not its moves', async () => {
    const { seed, groceries, fun, rent } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, {
      seed: {
        ...seed,
        budget_moves: [
          {
            id: '00000000-0000-4000-8000-00000000a001',
            month: '2026-03',
            fromCategoryId: null,
            toCategoryId: fun.id,
            amountMinor: 999,
            note: null,
          },
        ],
      },
      inputs: { month: '2026-04' },
    });
    await page.click("Copy last month's budget");
    const cells = page.client.rows.get('budgets');
    expect(cells?.get(budgetCellId(groceries.id, '2026-04'))?.['budgetedMinor']).toBe(30_000);
    expect(cells?.get(budgetCellId(fun.id, '2026-04'))?.['budgetedMinor']).toBe(10_000);
    expect(cells?.get(budgetCellId(rent.id, '2026-04'))?.['budgetedMinor']).toBe(120_000);
    expect(textOf(page.element, 'budget-notice')).toBe('Copied 3 amounts from March 2026.');

    await page.click("Copy last month's budget");
    expect(textOf(page.element, 'budget-notice')).toBe(
      'The budgeted amounts already match March 2026.',
    );
  });

  it('asks before copying over amounts already typed this month', async () => {
    const { seed, groceries } = budgetHousehold();
    const april = budgetRow(groceries.id, '2026-04', 12_345);
    const page = await renderPage(BudgetPageComponent, {
      seed: { ...seed, budgets: [...seed.budgets, april] },
      inputs: { month: '2026-04' },
    });
    await page.click("Copy last month's budget");
    expect(page.client.rows.get('budgets')?.get(april.id)?.['budgetedMinor']).toBe(12_345);
    expect(page.text()).toContain(
      'Copying replaces 1 amount already typed for April 2026. Press again to copy.',
    );
    await page.click('Replace 1 typed amount');
    expect(page.client.rows.get('budgets')?.get(april.id)?.['budgetedMinor']).toBe(30_000);
  });

  it('turns carry-over of overspending on from a category’s details', async () => {
    const { seed, groceries } = budgetHousehold();
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    await page.click('Groceries');
    expect(textOf(page.element, 'detail-activity')).toBe('-€350.00');
    const box = page.byLabel('Carry overspending of Groceries into next month');
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await page.settle();
    expect(page.client.calls).toContain(
      `update categories ${groceries.id} {"carryOverspending":true}`,
    );
    expect(textOf(page.element, 'budget-notice')).toContain('now stays in the category');
  });
});
