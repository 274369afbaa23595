import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { CategoryBudget, MonthBudget } from '@finwise/finance';
import { MoneyPipe } from '../shared/money/money.pipe';
import { BudgetActions } from './budget-actions';
import { coverSources, type CoverSource } from './budget-view';

/**
 * An overspent category's available amount as a menu button: each item covers the overspending
 * from To Budget or from a category with money left, clamped to what that source has.
 */
@Component({
  selector: 'fw-cover-menu',
  imports: [MoneyPipe],
  template: `
    <button
      #trigger
      type="button"
      class="cover-menu__trigger amount"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="open() ? menuId() : null"
      [attr.aria-label]="
        'Cover overspending of ' +
        line().name +
        ', available ' +
        (line().available | money: budget().currency)
      "
      (click)="toggle()"
    >
      {{ line().available | money: budget().currency }}
    </button>
    @if (open()) {
      <div class="cover-menu__popup">
        <p class="cover-menu__title" [id]="menuId() + '-title'">Cover from</p>
        @if (sources().length === 0) {
          <p class="cover-menu__empty muted">No category has money left, and To Budget is empty.</p>
        }
        <ul
          role="menu"
          class="cover-menu__list"
          [id]="menuId()"
          [attr.aria-labelledby]="menuId() + '-title'"
        >
          @for (source of sources(); track source.categoryId) {
            <li role="none">
              <button
                type="button"
                role="menuitem"
                class="cover-menu__item"
                (click)="cover(source)"
              >
                <span>{{ source.name }}<span class="visually-hidden">:</span></span>
                <span class="amount">{{ source.available | money: budget().currency }}</span>
              </button>
            </li>
          }
        </ul>
      </div>
    }
  `,
  styleUrl: './cover-menu.component.css',
  host: {
    '(keydown)': 'onKey($event)',
    '(focusout)': 'onFocusOut($event)',
    '(document:click)': 'onDocumentClick($event)',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoverMenuComponent {
  private readonly actions = inject(BudgetActions);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');

  readonly budget = input.required<MonthBudget>();
  /** The overspent category. */
  readonly line = input.required<CategoryBudget>();
  /** After covering: once covered, this menu goes away, so the table puts focus back in the row. */
  readonly covered = output<void>();

  protected readonly open = signal(false);
  protected readonly menuId = computed(() => `cover-${this.line().categoryId}`);
  protected readonly sources = computed(() => coverSources(this.budget(), this.line().categoryId));

  protected toggle(): void {
    if (this.open()) {
      this.close(true);
    } else {
      this.show();
    }
  }

  protected onKey(event: KeyboardEvent): void {
    if (!this.open()) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.show();
      }
      return;
    }
    const items = this.items();
    const at = items.indexOf(this.host.ownerDocument.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
  }

  /** Tabbing or clicking away closes the menu, as menus do. */
  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && !this.host.contains(next)) this.close(false);
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && !this.host.contains(event.target as Node | null)) this.close(false);
  }

  protected async cover(source: CoverSource): Promise<void> {
    this.close(true);
    if (await this.actions.cover(this.budget(), this.line().categoryId, source.categoryId)) {
      this.covered.emit();
    }
  }

  private show(): void {
    this.open.set(true);
    afterNextRender(() => this.items()[0]?.focus(), { injector: this.injector });
  }

  private close(returnFocus: boolean): void {
    this.open.set(false);
    if (returnFocus) this.trigger().nativeElement.focus();
  }

  private items(): HTMLButtonElement[] {
    return [...this.host.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }
}
