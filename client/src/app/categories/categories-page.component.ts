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
import { CategoriesStore } from '../data/stores/categories.store';
import { CategoriesViewStore } from '../data/views/categories-view.store';
import type { CategoryGroup } from '../data/views/category-groups';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { PageActions, updateEach } from '../forms/page-actions';
import {
  ReorderButtonsComponent,
  type ReorderRequest,
} from '../forms/reorder-buttons/reorder-buttons.component';
import { CategoryFormComponent } from './category-form.component';
import {
  DeleteCategoryDialogComponent,
  type CategoryDeleted,
} from './delete-category-dialog.component';
import { moveCategory, moveCategoryGroup, renameCategoryGroup } from './category-order';

/**
 * Category groups with their categories: add, edit, hide, delete and reorder; rename and reorder
 * groups.
 */
@Component({
  selector: 'fw-categories-page',
  imports: [
    CategoryFormComponent,
    ReactiveFormsModule,
    FormActionsComponent,
    ReorderButtonsComponent,
    DeleteCategoryDialogComponent,
  ],
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
  protected readonly actions = new PageActions();
  /** What the last category delete did. */
  protected readonly deletedNotice = signal<string | null>(null);
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

  protected async moveGroup(group: CategoryGroup, move: ReorderRequest): Promise<void> {
    const changes = moveCategoryGroup(this.groups(), group.name, move.direction);
    await this.actions.run(() => updateEach(this.categories, changes));
    move.keepFocus();
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
    await this.actions.run(() => updateEach(this.categories, changes));
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
    move: ReorderRequest,
  ): Promise<void> {
    const changes = moveCategory(group.categories, category.id, move.direction);
    await this.actions.run(() => updateEach(this.categories, changes));
    move.keepFocus();
  }

  protected async toggleHidden(category: Category): Promise<void> {
    await this.actions.run(() => this.categories.update(category.id, { hidden: !category.hidden }));
  }

  protected categoryDeleted(event: CategoryDeleted): void {
    this.deletedNotice.set(event.message);
    // The row and its buttons are gone: focus goes to the page's heading, not to the body.
    afterNextRender(() => this.host.querySelector<HTMLElement>('#categories-title')?.focus(), {
      injector: this.injector,
    });
  }
}
