import { budgetRow, categoryRow, transactionRow } from '../testing/rows';
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
    // The message goes as soon as the name is valid, before the next submit.
    expect(page.text()).not.toContain('Name must not be empty.');
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

  it('edits a category in place, writing only the changed fields', async () => {
    const page = await renderPage(CategoriesPageComponent, {
      seed: { categories: [food, fun, salary] },
    });
    await page.click(/^Edit Food/);
    const editor = page.within('.category-list__editor');
    expect(editor.byLabel('Name').value).toBe('Food');
    expect(editor.byLabel('Group').value).toBe('Living');

    await editor.type('Name', 'Groceries');
    await editor.type('Group', 'Home');
    await editor.click('Save category');

    expect(page.client.calls).toContain(
      `update categories ${food.id} {"name":"Groceries","groupName":"Home"}`,
    );
    expect(page.element.querySelector('.category-list__editor')).toBeNull();
    const home = page.element.querySelector('[aria-label="Home"]');
    expect(home?.textContent).toContain('Groceries');
  });

  it('explains a category name it refuses and sends nothing; Cancel keeps the old one', async () => {
    const page = await renderPage(CategoriesPageComponent, {
      seed: { categories: [food, fun, salary] },
    });
    await page.click(/^Edit Fun/);
    const editor = page.within('.category-list__editor');
    await editor.type('Name', '');
    await editor.click('Save category');
    expect(editor.text()).toContain('Name must not be empty.');
    expect(editor.byLabel('Name').getAttribute('aria-invalid')).toBe('true');

    await editor.click('Cancel');
    expect(page.client.calls.filter((call) => call.startsWith('update'))).toEqual([]);
    expect(page.text()).toContain('Fun');
  });

  it('renames a whole group at once and refuses an empty name', async () => {
    const page = await renderPage(CategoriesPageComponent, {
      seed: { categories: [food, fun, salary] },
    });
    await page.click(/^Rename group Living/);
    expect(page.byLabel('New name for Living').value).toBe('Living');

    await page.type('New name for Living', ' ');
    await page.click('Save name');
    expect(page.text()).toContain('Group name must not be empty.');
    expect(page.client.calls.filter((call) => call.startsWith('update'))).toEqual([]);

    await page.type('New name for Living', 'Daily life');
    await page.click('Save name');
    expect(page.client.calls).toContain(`update categories ${food.id} {"groupName":"Daily life"}`);
    expect(page.client.calls).toContain(`update categories ${fun.id} {"groupName":"Daily life"}`);
    expect([...page.element.querySelectorAll('h2')].map((h) => h.textContent?.trim())[0]).toBe(
      'Daily life',
    );
    expect(document.activeElement?.textContent).toContain('Rename group Daily life');
  });

  it('moves a group up by renumbering its categories, and keeps income groups last', async () => {
    const rent = categoryRow({ name: 'Rent', groupName: 'Home', sortOrder: 30 });
    const page = await renderPage(CategoriesPageComponent, {
      seed: { categories: [food, fun, rent, salary] },
    });
    const button = (name: RegExp) =>
      [...page.element.querySelectorAll<HTMLButtonElement>('button')].find((candidate) =>
        name.test(candidate.textContent ?? ''),
      );
    expect(button(/Move group Living up/)?.disabled).toBe(true);
    expect(button(/Move group Home down/)?.disabled).toBe(true);
    expect(button(/Move group Income up/)?.disabled).toBe(true);

    await page.click(/^↑Move group Home up/);
    const headings = [...page.element.querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings.slice(0, 3)).toEqual(['Home', 'Living', 'Income (income)']);
    expect(page.client.calls).toContain(`update categories ${rent.id} {"sortOrder":10}`);
  });

  describe('deleting a category', () => {
    const accountId = '00000000-0000-4000-8000-0000000000a1';
    const dining = categoryRow({ name: 'Dining', groupName: 'Living', sortOrder: 30 });
    const dinner = transactionRow({ accountId, categoryId: dining.id, amountMinor: -4000 });
    const parent = transactionRow({ accountId, amountMinor: -9000 });
    const line = transactionRow({ accountId, parentId: parent.id, categoryId: dining.id });
    const seed = {
      categories: [food, fun, dining, salary],
      transactions: [dinner, parent, line],
      budgets: [budgetRow(dining.id, '2026-01', 1000)],
    };

    it('says how many transactions use it and moves them, with the budget, in one batch', async () => {
      const page = await renderPage(CategoriesPageComponent, { seed });
      await page.click(/^Delete Dining/);
      const dialog = page.within('dialog');
      expect(dialog.text()).toContain('2 transactions use Dining (split lines included)');
      expect(dialog.text()).toContain('hide it instead');
      const options = [...dialog.byLabel<HTMLSelectElement>('Move its transactions to').options];
      // Income categories cannot take over an expense category's rows.
      expect(options.map((option) => option.textContent?.trim())).toEqual([
        'No category (uncategorized)',
        'Food',
        'Fun',
      ]);

      await dialog.type('Move its transactions to', food.id);
      await dialog.click('Delete category');

      const foodCell = budgetRow(food.id, '2026-01', 0).id;
      expect(page.client.calls).toEqual([
        'batch 4',
        `update transactions ${dinner.id} {"categoryId":"${food.id}"}`,
        `update transactions ${line.id} {"categoryId":"${food.id}"}`,
        `create budgets ${foodCell}`,
        `delete categories ${dining.id}`,
      ]);
      expect(page.text()).toContain('Deleted Dining; 2 transactions moved to Food.');
      expect(page.element.querySelector('.category-list')?.textContent).not.toContain('Dining');
    });

    it('still moves the rows when another device deleted the category meanwhile', async () => {
      const page = await renderPage(CategoriesPageComponent, { seed });
      await page.click(/^Delete Dining/);
      await page.client.table('categories').delete(dining.id);
      page.client.calls.length = 0;
      await page.settle();

      await page.within('dialog').click('Delete category');
      expect(page.client.calls).toEqual([
        'batch 2',
        `update transactions ${dinner.id} {"categoryId":null}`,
        `update transactions ${line.id} {"categoryId":null}`,
      ]);
      expect(page.element.querySelector('[role="alert"]')).toBeNull();
      expect(page.text()).toContain('Deleted Dining; 2 transactions are now uncategorized.');
    });

    it('offers hiding instead', async () => {
      const page = await renderPage(CategoriesPageComponent, { seed });
      await page.click(/^Delete Fun/);
      expect(page.within('dialog').text()).toContain('No transactions use Fun.');
      await page.within('dialog').click('Hide instead');
      expect(page.client.calls).toEqual([`update categories ${fun.id} {"hidden":true}`]);
    });
  });
});
