import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import type { SpendingLine } from './spending-lines';

/**
 * Which lines of the spending report to show: a checkbox per category (and the uncategorized
 * spending), folded away under a summary of the choice. It keeps the lines left out, so a
 * category added later is shown until someone unticks it.
 */
@Component({
  selector: 'fw-category-filter',
  template: `
    <details class="category-filter">
      <summary class="category-filter__summary" data-test="category-filter-summary">
        Categories: {{ shownCount() }} of {{ lines().length }} shown
      </summary>
      <fieldset class="category-filter__fields">
        <legend class="visually-hidden">Categories in the spending chart</legend>
        <div class="category-filter__actions">
          <button
            type="button"
            class="fw-button fw-button--secondary fw-button--small"
            (click)="hidden.set(emptySet)"
          >
            Show all
          </button>
          <button
            type="button"
            class="fw-button fw-button--secondary fw-button--small"
            (click)="hideAll()"
          >
            Show none
          </button>
        </div>
        <ul class="category-filter__list">
          @for (line of lines(); track line.key) {
            <li class="field--check">
              <input
                #box
                type="checkbox"
                [id]="'category-filter-' + line.key"
                [checked]="!hidden().has(line.key)"
                (change)="show(line.key, box.checked)"
              />
              <label [for]="'category-filter-' + line.key">{{ line.label }}</label>
            </li>
          }
        </ul>
      </fieldset>
    </details>
  `,
  styles: `
    .category-filter__summary {
      display: inline-flex;
      align-items: center;
      min-height: 2.75rem;
      font-weight: 600;
      cursor: pointer;
    }
    .category-filter__summary:focus-visible {
      outline: 2px solid var(--fw-color-brand);
      outline-offset: 2px;
    }
    .category-filter__fields {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .category-filter__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .category-filter__list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .category-filter__list label {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryFilterComponent {
  readonly lines = input.required<readonly SpendingLine[]>();
  /** The keys of the lines left out. */
  readonly hidden = model<ReadonlySet<string>>(new Set());

  protected readonly emptySet: ReadonlySet<string> = new Set();
  protected readonly shownCount = computed(
    () => this.lines().filter((line) => !this.hidden().has(line.key)).length,
  );

  protected show(key: string, shown: boolean): void {
    const next = new Set(this.hidden());
    if (shown) next.delete(key);
    else next.add(key);
    this.hidden.set(next);
  }

  protected hideAll(): void {
    this.hidden.set(new Set(this.lines().map((line) => line.key)));
  }
}
