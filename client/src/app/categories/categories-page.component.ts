import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { Category } from '@finwise/domain';
import { CategoriesViewStore } from '../stores/categories-view.store';
import { CategoriesStore } from '../stores/categories.store';
import type { CategoryGroup } from '../stores/category-groups';
import { CategoryFormComponent } from './category-form.component';
import { moveCategory } from './category-order';

/** Category groups with their categories: add, edit, hide and reorder. */
@Component({
  selector: 'fw-categories-page',
  imports: [CategoryFormComponent],
  templateUrl: './categories-page.component.html',
  styleUrl: './categories-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoriesPageComponent {
  private readonly categories = inject(CategoriesStore);

  protected readonly loaded = this.categories.loaded;
  protected readonly groups = inject(CategoriesViewStore).groups;
  protected readonly groupNames = computed(() => this.groups().map((group) => group.name));
  /** The category as it was when editing began: the form compares against this snapshot. */
  protected readonly editing = signal<Category | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected async move(
    group: CategoryGroup,
    category: Category,
    direction: -1 | 1,
    button: HTMLButtonElement,
  ): Promise<void> {
    const changes = moveCategory(group.categories, category.id, direction);
    await this.run(async () => {
      for (const change of changes) {
        await this.categories.update(change.id, { sortOrder: change.sortOrder });
      }
    });
    // Keep keyboard users on the button they pressed, which moved with its row.
    queueMicrotask(() => button.isConnected && button.focus());
  }

  protected async toggleHidden(category: Category): Promise<void> {
    await this.run(() => this.categories.update(category.id, { hidden: !category.hidden }));
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.actionError.set(null);
    try {
      await action();
    } catch (error) {
      this.actionError.set(error instanceof Error ? error.message : String(error));
    }
  }
}
