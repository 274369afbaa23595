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
} from '@angular/core';
import type { MonthBudget } from '@finwise/finance';
import { monthLabel } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { formatMoneyForInput } from '../shared/money/format-money';
import { MoneyPipe } from '../shared/money/money.pipe';
import { BudgetActions } from './budget-actions';
import { readBudgetedAmount } from './budget-amount';
import type { BudgetLine, BudgetView } from './budget-view';
import { CoverMenuComponent } from './cover-menu.component';

/**
 * The month's categories: type to budget (Enter saves and goes to the next category), cover an
 * overspent one from its available amount, and open a category's details (activity, carried-in
 * money, carry-over of overspending, moving money).
 */
@Component({
  selector: 'fw-budget-table',
  imports: [MoneyPipe, CoverMenuComponent],
  templateUrl: './budget-table.component.html',
  styleUrl: './budget-table.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetTableComponent {
  private readonly actions = inject(BudgetActions);
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  /** Cells being written, so Enter and the change event that follows write once. */
  private readonly writing = new Map<string, number>();

  readonly budget = input.required<MonthBudget>();
  readonly view = input.required<BudgetView>();
  /** "Move money…" in a category's details: the dialog opens with this category as the source. */
  readonly moveFrom = output<string>();

  protected readonly monthName = computed(() => monthLabel(this.budget().month, this.locale));
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly errors = signal<Readonly<Record<string, string>>>({});

  protected inputValue(minor: number): string {
    return minor === 0 ? '' : formatMoneyForInput(minor, this.budget().currency, this.locale);
  }

  protected toggle(categoryId: string): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (!next.delete(categoryId)) next.add(categoryId);
      return next;
    });
  }

  protected onEnter(event: Event, line: BudgetLine, field: HTMLInputElement): void {
    event.preventDefault();
    void this.save(line, field.value);
    // An amount that cannot be read keeps focus here, next to its message.
    if (this.errors()[line.categoryId]) return;
    const fields = [...this.host.querySelectorAll<HTMLInputElement>('.budget-table__input')];
    const next = fields[fields.indexOf(field) + 1];
    next?.focus();
    next?.select();
  }

  protected async save(line: BudgetLine, text: string): Promise<void> {
    const budget = this.budget();
    const parsed = readBudgetedAmount(text, budget.currency, this.locale);
    if (!parsed.ok) {
      this.setError(line.categoryId, parsed.error);
      return;
    }
    this.setError(line.categoryId, null);
    if (parsed.minor === line.typed || this.writing.get(line.categoryId) === parsed.minor) return;
    this.writing.set(line.categoryId, parsed.minor);
    try {
      const error = await this.actions.setBudgeted(budget.month, line.categoryId, parsed.minor);
      this.setError(line.categoryId, error);
    } finally {
      this.writing.delete(line.categoryId);
    }
  }

  protected async setCarry(line: BudgetLine, carry: boolean): Promise<void> {
    await this.actions.setCarryOverspending(line.categoryId, carry);
  }

  /** A covered category loses its menu button; focus goes to the category's name instead. */
  protected focusRow(categoryId: string): void {
    afterNextRender(
      () =>
        this.host
          .querySelector<HTMLElement>(`[data-category="${categoryId}"] .budget-table__name`)
          ?.focus(),
      { injector: this.injector },
    );
  }

  private setError(categoryId: string, message: string | null): void {
    this.errors.update((errors) => {
      const next = { ...errors };
      if (message) {
        next[categoryId] = message;
      } else {
        delete next[categoryId];
      }
      return next;
    });
  }
}
