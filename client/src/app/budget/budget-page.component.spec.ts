import { budgetId } from '@finwise/domain';
import { accountRow, budgetRow, categoryRow, transactionRow } from '../testing/rows';
import { renderPage } from '../testing/page-harness';
import { BudgetPageComponent } from './budget-page.component';

describe('BudgetPageComponent', () => {
  const checking = accountRow({ currency: 'EUR' });
  const food = categoryRow({ name: 'Food', groupName: 'Living' });
  const salary = categoryRow({ name: 'Salary', groupName: 'Income', isIncome: true });
  const seed = {
    accounts: [checking],
    categories: [food, salary],
    budgets: [budgetRow(food.id, '2026-03', 20_000)],
    transactions: [
      transactionRow({
        accountId: checking.id,
        categoryId: salary.id,
        amountMinor: 300_000,
        date: '2026-03-01',
      }),
      transactionRow({
        accountId: checking.id,
        categoryId: food.id,
        amountMinor: -4_500,
        date: '2026-03-04',
      }),
    ],
  };

  it('shows budgeted, activity, available and "to budget" for the month, with the chart', async () => {
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });

    expect(page.element.querySelector('h1')?.textContent).toContain('March 2026');
    expect(page.element.querySelector('[data-test="to-budget"]')?.textContent?.trim()).toBe(
      '€2,800.00',
    );
    const foodRow = [...page.element.querySelectorAll('tr')].find(
      (row) => row.querySelector('th')?.textContent?.trim() === 'Food',
    );
    expect(foodRow?.querySelector('input')?.value).toBe('200.00');
    expect(foodRow?.textContent).toContain('-€45.00');
    expect(foodRow?.textContent).toContain('€155.00');
    expect(page.element.querySelector('figure')?.textContent).toContain('Food');
    expect(page.element.querySelector('a[aria-label="Previous month"]')?.getAttribute('href')).toBe(
      '/budget/2026-02',
    );
    expect(page.element.querySelector('a[aria-label="Next month"]')?.getAttribute('href')).toBe(
      '/budget/2026-04',
    );
  });

  it('budgets a category of another month under the deterministic budget id', async () => {
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-04' } });

    await page.type('Budgeted for Food', '75,5');
    const id = budgetId(food.id, '2026-04');
    expect(page.client.rows.get('budgets')?.get(id)).toMatchObject({
      categoryId: food.id,
      month: '2026-04',
      budgetedMinor: 7_550,
    });

    await page.type('Budgeted for Food', '80');
    expect(page.client.calls).toContain(`update budgets ${id} {"budgetedMinor":8000}`);
  });

  it('explains an amount it cannot read', async () => {
    const page = await renderPage(BudgetPageComponent, { seed, inputs: { month: '2026-03' } });
    await page.type('Budgeted for Food', 'ten');
    expect(page.text()).toContain('Enter a number such as -12.50.');
    expect(page.byLabel('Budgeted for Food').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows uncategorized spending as its own line that counts against "to budget"', async () => {
    const page = await renderPage(BudgetPageComponent, {
      seed: {
        ...seed,
        transactions: [
          ...seed.transactions,
          transactionRow({ accountId: checking.id, amountMinor: -1_000, date: '2026-03-09' }),
        ],
      },
      inputs: { month: '2026-03' },
    });
    const line = page.element.querySelector('[data-test="uncategorized"]');
    expect(line?.textContent).toContain('Uncategorized');
    expect(line?.textContent).toContain('-€10.00');
    expect(page.element.querySelector('[data-test="to-budget"]')?.textContent?.trim()).toBe(
      '€2,790.00',
    );
    expect(page.element.querySelector('[data-test="month-activity"]')?.textContent?.trim()).toBe(
      '-€55.00',
    );
    expect(page.element.querySelector('figure')?.textContent).toContain('Uncategorized');
  });
});
