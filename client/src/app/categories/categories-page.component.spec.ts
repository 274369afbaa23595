import { categoryRow } from '../testing/rows';
import { renderPage } from '../testing/page-harness';
import { CategoriesPageComponent } from './categories-page.component';

describe('CategoriesPageComponent', () => {
  const food = categoryRow({ name: 'Food', groupName: 'Living', sortOrder: 10 });
  const fun = categoryRow({ name: 'Fun', groupName: 'Living', sortOrder: 20 });
  const salary = categoryRow({ name: 'Salary', groupName: 'Income', isIncome: true, sortOrder: 5 });

  it('lists groups with income last and reorders with the keyboard-reachable buttons', async () => {
    const page = await renderPage(CategoriesPageComponent, {
      seed: { categories: [food, fun, salary] },
    });

    expect([...page.element.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Living',
      'Income (income)',
      'Add a category',
    ]);
    await page.click(/^↓Move Food down/);
    expect(page.client.calls).toContain(`update categories ${food.id} {"sortOrder":20}`);
    expect(page.client.calls).toContain(`update categories ${fun.id} {"sortOrder":10}`);
    const names = [...page.element.querySelectorAll('.category-list__name')].map((node) =>
      node.textContent?.trim(),
    );
    expect(names.slice(0, 2)).toEqual(['Fun', 'Food']);
  });

  it('hides a category and adds a new one in a group', async () => {
    const page = await renderPage(CategoriesPageComponent, {
      seed: { categories: [food, fun, salary] },
    });
    await page.click(/^Hide Fun/);
    expect(page.client.calls).toContain(`update categories ${fun.id} {"hidden":true}`);
    expect(page.text()).toContain('Fun · hidden');

    await page.click('Add category');
    expect(page.text()).toContain('Name must not be empty.');
    await page.type('Name', 'Rent');
    await page.type('Group', 'Home');
    await page.click('Add category');
    const rent = [...(page.client.rows.get('categories')?.values() ?? [])].find(
      (row) => row['name'] === 'Rent',
    );
    expect(rent).toMatchObject({
      groupName: 'Home',
      isIncome: false,
      hidden: false,
      sortOrder: 30,
    });
  });
});
