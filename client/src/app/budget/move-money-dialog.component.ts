import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { CategoryBudget, MonthBudget } from '@finwise/finance';
import { monthLabel } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { formatMoney } from '../shared/money/format-money';
import { MoneyPipe } from '../shared/money/money.pipe';
import { BudgetActions } from './budget-actions';
import { readPositiveAmount } from './budget-amount';

/** The value of the "To Budget" option (a move's null side). */
const TO_BUDGET = '';

/**
 * Moves money between two categories, or between a category and To Budget, as one budget_moves
 * row. A modal dialog: Escape or Cancel closes it and focus goes back where it was.
 */
@Component({
  selector: 'fw-move-money-dialog',
  imports: [MoneyPipe],
  templateUrl: './move-money-dialog.component.html',
  styleUrl: './move-money-dialog.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveMoneyDialogComponent {
  private readonly actions = inject(BudgetActions);
  private readonly locale = inject(USER_LOCALE);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly amountField = viewChild.required<ElementRef<HTMLInputElement>>('amountField');
  private returnFocusTo: HTMLElement | null = null;

  readonly budget = input.required<MonthBudget>();
  /** Every expense category of the month, hidden ones included. */
  readonly categories = input.required<readonly CategoryBudget[]>();

  protected readonly toBudget = TO_BUDGET;
  protected readonly monthName = computed(() => monthLabel(this.budget().month, this.locale));
  protected readonly from = signal(TO_BUDGET);
  protected readonly to = signal(TO_BUDGET);
  protected readonly amountText = signal('');
  protected readonly note = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);

  /** What the source holds, and what a move would leave there when that is below zero. */
  protected readonly sourceHint = computed(() => {
    const budget = this.budget();
    const parsed = readPositiveAmount(this.amountText(), budget.currency, this.locale);
    const from = this.from();
    const has =
      from === TO_BUDGET
        ? budget.toBudget
        : (this.categories().find((line) => line.categoryId === from)?.available ?? 0);
    const after = has - (parsed.ok ? parsed.minor : 0);
    const money = (minor: number) => formatMoney(minor, budget.currency, this.locale);
    return {
      text: `${this.nameOf(from)} has ${money(has)}${after < 0 ? `; this leaves ${money(after)}` : ''}.`,
      below: after < 0,
    };
  });

  /** Opens with a preset side (a category's "Move" button); the amount field gets focus. */
  open(from: string | null = null, to: string | null = null): void {
    const dialog = this.dialog().nativeElement;
    this.returnFocusTo = dialog.ownerDocument.activeElement as HTMLElement | null;
    this.from.set(from ?? TO_BUDGET);
    this.to.set(
      to ?? (from === null ? (this.categories()[0]?.categoryId ?? TO_BUDGET) : TO_BUDGET),
    );
    this.amountText.set('');
    this.note.set('');
    this.error.set(null);
    // jsdom has no showModal; browsers get a real modal (inert page, Escape closes).
    if (typeof dialog.showModal === 'function') {
      dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    this.amountField().nativeElement.focus();
  }

  protected close(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function') {
      dialog.close();
    } else {
      dialog.removeAttribute('open');
      this.onClosed();
    }
  }

  /** Runs on every close, Escape included. */
  protected onClosed(): void {
    this.returnFocusTo?.focus();
    this.returnFocusTo = null;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const budget = this.budget();
    const parsed = readPositiveAmount(this.amountText(), budget.currency, this.locale);
    if (!parsed.ok) {
      this.error.set(parsed.error);
      return;
    }
    if (this.from() === this.to()) {
      this.error.set('Choose two different places to move money between.');
      return;
    }
    this.error.set(null);
    this.saving.set(true);
    try {
      const moved = await this.actions.move({
        month: budget.month,
        fromCategoryId: this.from() || null,
        toCategoryId: this.to() || null,
        amountMinor: parsed.minor,
        note: this.note(),
      });
      if (moved) this.close();
    } finally {
      this.saving.set(false);
    }
  }

  private nameOf(value: string): string {
    if (value === TO_BUDGET) return 'To Budget';
    return this.categories().find((line) => line.categoryId === value)?.name ?? '';
  }
}
