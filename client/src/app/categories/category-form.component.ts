import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { categories, type Category } from '@finwise/domain';
import { CategoriesStore } from '../data/stores/categories.store';
import { nextSortOrder } from '../data/views/sort-order';
import { changedFields } from '../forms/changed-fields';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { FormSubmission } from '../forms/form-submission';

const LABELS = categories.wording.fieldLabels;

let nextFormId = 0;

/** Adds a category or edits one (name, group, income, hidden). */
@Component({
  selector: 'fw-category-form',
  imports: [ReactiveFormsModule, FormActionsComponent],
  templateUrl: './category-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryFormComponent {
  private readonly categories = inject(CategoriesStore);

  readonly category = input<Category | null>(null);
  readonly groupNames = input<readonly string[]>([]);
  readonly done = output<Category | null>();

  protected readonly id = `category-form-${++nextFormId}`;
  protected readonly isNew = computed(() => this.category() === null);
  /** The next new category's id: fixed while the form checks it. */
  private newId = globalThis.crypto.randomUUID();
  protected readonly submission = new FormSubmission(this.id, LABELS);
  protected readonly errors = this.submission.errors;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [''],
    groupName: [''],
    isIncome: [false],
    hidden: [false],
  });

  constructor() {
    this.submission.watch(this.form, () => this.draft().errors);
    effect(() => {
      const category = this.category();
      untracked(() =>
        this.form.reset(
          category
            ? {
                name: category.name ?? '',
                groupName: category.groupName ?? '',
                isIncome: category.isIncome === true,
                hidden: category.hidden === true,
              }
            : {},
        ),
      );
    });
  }

  /** What a submit would write, and what is wrong with it (also re-checked while typing). */
  private draft() {
    const value = this.form.getRawValue();
    const fields = { ...value, name: value.name.trim(), groupName: value.groupName.trim() };
    const existing = this.category();
    const id = existing?.id ?? this.newId;
    const data = existing
      ? changedFields(existing, fields)
      : { ...fields, sortOrder: nextSortOrder(this.categories.entities()) };
    const errors = this.categories.validate(
      existing ? 'update' : 'create',
      { id, ...data },
      LABELS,
    );
    return { existing, id, data, fields, errors };
  }

  protected async submit(): Promise<void> {
    const { existing, id, data, fields, errors } = this.draft();
    if (existing && Object.keys(data).length === 0) {
      this.done.emit(existing);
      return;
    }
    if (!this.submission.accept(errors)) {
      return;
    }
    await this.submission.write(async () => {
      const saved = existing
        ? await this.categories.update(id, data)
        : await this.categories.create({ id, ...data });
      if (!existing) {
        this.newId = globalThis.crypto.randomUUID();
        this.form.reset({ groupName: fields.groupName, isIncome: fields.isIncome });
      }
      this.done.emit(saved);
    });
  }

  protected cancel(): void {
    this.done.emit(null);
  }
}
