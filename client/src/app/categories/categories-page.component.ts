import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { categories, type Category } from '@finwise/domain';
import { CategoriesViewStore } from '../data/views/categories-view.store';
import { CategoriesStore } from '../data/stores/categories.store';
import type { CategoryGroup } from '../data/views/category-groups';
import { CategoryFormComponent } from './category-form.component';
import { moveCategory, moveCategoryGroup, renameCategoryGroup } from './category-order';

/** Category groups with their categories: add, edit, hide and reorder; rename and reorder groups. */
@Component({
  selector: 'fw-categories-page',
  imports: [CategoryFormComponent, ReactiveFormsModule],
  templateUrl: './categories-page.component.html',
  styleUrl: './categories-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoriesPageComponent {
  private readonly categories = inject(CategoriesStore);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  protected readonly loaded = this.categories.loaded;
  protected readonly groups = inject(CategoriesViewStore).groups;
  protected readonly groupNames = computed(() => this.groups().map((group) => group.name));
  /** The category as it was when editing began: the form compares against this snapshot. */
  protected readonly editing = signal<Category | null>(null);
  protected readonly actionError = signal<string | null>(null);
  /** The name of the group being renamed. */
  protected readonly renaming = signal<string | null>(null);
  protected readonly renameError = signal<string | null>(null);
  protected readonly renameForm = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
  });

  /** Whether a group can move: not past either end, and income groups stay last. */
  protected canMoveGroup(index: number, direction: -1 | 1): boolean {
    const groups = this.groups();
    const neighbour = groups[index + direction];
    return neighbour !== undefined && neighbour.isIncome === groups[index].isIncome;
  }

  protected async moveGroup(
    group: CategoryGroup,
    direction: -1 | 1,
    button: HTMLButtonElement,
  ): Promise<void> {
    const changes = moveCategoryGroup(this.groups(), group.name, direction);
    await this.run(async () => {
      for (const change of changes) {
        await this.categories.update(change.id, { sortOrder: change.sortOrder });
      }
    });
    queueMicrotask(() => button.isConnected && button.focus());
  }

  protected startRenaming(group: CategoryGroup): void {
    this.renaming.set(group.name);
    this.renameError.set(null);
    this.renameForm.setValue({ name: group.name });
    afterNextRender(
      () => this.host.querySelector<HTMLInputElement>('#rename-group-name')?.select(),
      {
        injector: this.injector,
      },
    );
  }

  protected stopRenaming(name: string): void {
    this.renaming.set(null);
    this.renameError.set(null);
    this.focusGroupRename(name);
  }

  /** One write per category of the group; a name check first so none of them is refused. */
  protected async renameGroup(group: CategoryGroup): Promise<void> {
    const changes = renameCategoryGroup(group, this.renameForm.controls.name.value);
    const [first] = changes;
    if (first) {
      const errors = this.categories.validate('update', first, {
        ...categories.wording.fieldLabels,
        groupName: 'Group name',
      });
      const message = errors['groupName'] ?? errors['form'];
      if (message) {
        this.renameError.set(message);
        return;
      }
    }
    await this.run(async () => {
      for (const change of changes) {
        await this.categories.update(change.id, { groupName: change.groupName });
      }
    });
    this.stopRenaming(first?.groupName ?? group.name);
  }

  private focusGroupRename(name: string): void {
    afterNextRender(
      () =>
        [...this.host.querySelectorAll<HTMLElement>('[data-group]')]
          .find((section) => section.dataset['group'] === name)
          ?.querySelector<HTMLElement>('.category-group__rename-button')
          ?.focus(),
      { injector: this.injector },
    );
  }

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
