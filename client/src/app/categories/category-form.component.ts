import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { categories, type Category } from '@finwise/domain';
import { changedFields } from '../forms/changed-fields';
import { fieldErrors, issuesOf, type FieldErrors } from '../shared/validation/validation-messages';
import { CategoriesStore } from '../data/stores/categories.store';
import { nextSortOrder } from '../data/views/sort-order';

const LABELS = categories.wording.fieldLabels;

let nextFormId = 0;

/** Adds a category or edits one (name, group, income, hidden). */
@Component({
  selector: 'fw-category-form',
  imports: [ReactiveFormsModule],
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
  protected readonly errors = signal<FieldErrors>({});
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [''],
    groupName: [''],
    isIncome: [false],
    hidden: [false],
  });

  constructor() {
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

  protected errorId(field: string): string | null {
    return this.errors()[field] ? `${this.id}-${field}-error` : null;
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const fields = { ...value, name: value.name.trim(), groupName: value.groupName.trim() };
    const existing = this.category();
    const id = existing?.id ?? globalThis.crypto.randomUUID();
    const data = existing
      ? changedFields(existing, fields)
      : { ...fields, sortOrder: nextSortOrder(this.categories.entities()) };
    if (existing && Object.keys(data).length === 0) {
      this.done.emit(existing);
      return;
    }
    const errors = this.categories.validate(
      existing ? 'update' : 'create',
      { id, ...data },
      LABELS,
    );
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) {
      return;
    }
    this.saving.set(true);
    try {
      const saved = existing
        ? await this.categories.update(id, data)
        : await this.categories.create({ id, ...data });
      if (!existing) {
        this.form.reset({ groupName: fields.groupName, isIncome: fields.isIncome });
      }
      this.done.emit(saved);
    } catch (error) {
      const issues = issuesOf(error);
      this.errors.set(
        issues
          ? fieldErrors(issues, LABELS)
          : { form: error instanceof Error ? error.message : String(error) },
      );
    } finally {
      this.saving.set(false);
    }
  }

  protected cancel(): void {
    this.done.emit(null);
  }
}
