import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { categories, entityWording, type SyncedEntityDefinition } from '@finwise/domain';
import { CategoriesStore } from '../../data/stores/categories.store';
import { renderPage } from '../../testing/page-harness';
import { categoryRow } from '../../testing/rows';
import { SyncedEntityPageComponent } from './synced-entity-page.component';

/** Categories worded as the generator words a new entity: each field named after its key. */
const generatedCategories: SyncedEntityDefinition = {
  ...categories,
  wording: entityWording(categories.modelName, categories.fieldNames),
};

/** What a generated entity page does: hand its store and definition to the generic page. */
@Component({
  selector: 'fw-test-categories-page',
  imports: [SyncedEntityPageComponent],
  template: `<fw-synced-entity-page [entity]="entity" [store]="store" title="Categories" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  protected readonly entity = generatedCategories;
  protected readonly store = inject(CategoriesStore);
}

describe('SyncedEntityPageComponent', () => {
  async function render(seed: object[]) {
    return renderPage(HostComponent, { seed: { categories: seed } });
  }

  it('lists rows with a column per field, sorted by the first field', async () => {
    const page = await render([
      categoryRow({ name: 'Rent', groupName: 'Bills' }),
      categoryRow({ name: 'Food', groupName: 'Living', hidden: true }),
    ]);
    const cells = [...page.element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent?.trim()),
    );
    expect(cells).toEqual([
      ['Food', 'Living', 'No', 'Yes'],
      ['Rent', 'Bills', 'No', 'No'],
    ]);
    expect(
      [...page.element.querySelectorAll('th')].map((th) => th.textContent?.trim()).slice(0, 5),
    ).toEqual(['Name', 'Group name', 'Is income', 'Hidden', 'Sort order']);
  });

  it('adds a row after the shared schema accepts the form, and shows why it refuses', async () => {
    const page = await render([]);
    await page.click('Add category');
    expect(page.text()).toContain('Name must not be empty.');
    await page.type('Name', 'Travel');
    await page.type('Group name', 'Fun');
    await page.type('Sort order', 'ten');
    await page.click('Add category');
    expect(page.text()).toContain('Sort order: Enter a whole number.');
    await page.type('Sort order', '10');
    await page.click('Add category');
    const created = [...(page.client.rows.get('categories')?.values() ?? [])];
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      name: 'Travel',
      groupName: 'Fun',
      sortOrder: 10,
      hidden: false,
      isIncome: false,
    });
  });

  it('edits only the changed fields and deletes', async () => {
    const rent = categoryRow({ name: 'Rent', groupName: 'Bills', sortOrder: 3 });
    const page = await render([rent]);
    await page.click(/^Edit Rent/);
    await page.type('Name', 'Housing');
    await page.click('Save');
    expect(page.client.calls).toContain(`update categories ${rent.id} {"name":"Housing"}`);
    await page.click(/^Delete Housing/);
    expect(page.client.calls).toContain(`delete categories ${rent.id}`);
  });

  it('shows the edited row’s history under the form', async () => {
    const rent = categoryRow({ name: 'Rent', groupName: 'Bills' });
    const page = await render([rent]);
    expect(page.text()).not.toContain('History');
    await page.click(/^Edit Rent/);
    await page.click('History');
    expect(page.within('[data-test="history-panel"]').text()).toContain(
      'History needs a connection',
    );
    await page.click('Close history');
    expect(document.activeElement?.textContent?.trim()).toBe('History');
    await page.click('History');
    await page.click('Cancel');
    expect(page.element.querySelector('[data-test="history-panel"]')).toBeNull();
  });
});
