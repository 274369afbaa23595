import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { Transaction } from '@finwise/domain';
import { TransactionsStore } from '../data/stores/transactions.store';
import type { CategoryGroup } from '../data/views/category-groups';
import { changedFields } from '../forms/changed-fields';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { FormSubmission } from '../forms/form-submission';
import { USER_LOCALE } from '../shared/locale';
import { localeSeparators, minorDigits } from '../shared/money/currency';
import { formatMoneyForInput } from '../shared/money/format-money';
import { MoneyPipe } from '../shared/money/money.pipe';
import { parseMoney } from '../shared/money/parse-money';
import type { FieldErrors } from '../shared/validation/validation-messages';
import { splitRemainder } from './register-items';
import { TRANSACTION_LABELS } from './transaction-form.component';

let nextEditorId = 0;

/**
 * The split lines of one transaction: child rows with their own category and amount, added,
 * edited and removed here. Their sum may differ from what the bank booked; the difference is
 * shown, never forced away.
 */
@Component({
  selector: 'fw-split-editor',
  imports: [ReactiveFormsModule, MoneyPipe, FormActionsComponent],
  templateUrl: './split-editor.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SplitEditorComponent {
  private readonly transactions = inject(TransactionsStore);
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly parent = input.required<Transaction>();
  readonly lines = input<readonly Transaction[]>([]);
  readonly categoryGroups = input<readonly CategoryGroup[]>([]);
  readonly currency = input('EUR');

  protected readonly id = `split-editor-${++nextEditorId}`;
  protected readonly remainder = computed(() => splitRemainder(this.parent(), this.lines()));
  /** The form adding a line; its form-level message also says when removing one failed. */
  protected readonly adding = new FormSubmission(this.id, TRANSACTION_LABELS);
  protected readonly errors = this.adding.errors;
  /** The line being edited, as it was when editing began. */
  protected readonly editingLine = signal<Transaction | null>(null);
  protected readonly editing = new FormSubmission(`${this.id}-line`, TRANSACTION_LABELS);
  protected readonly lineErrors = this.editing.errors;
  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({ categoryId: [''], amount: [''], notes: [''] });
  protected readonly lineForm = this.formBuilder.group({
    categoryId: [''],
    amount: [''],
    notes: [''],
  });

  protected categoryName(id: string | null): string {
    for (const group of this.categoryGroups()) {
      const category = group.categories.find((candidate) => candidate.id === id);
      if (category) {
        return category.name ?? '';
      }
    }
    return 'No category';
  }

  protected async addLine(): Promise<void> {
    const value = this.form.getRawValue();
    const parent = this.parent();
    const amount = this.parseAmount(value.amount);
    const data = {
      id: globalThis.crypto.randomUUID(),
      parentId: parent.id,
      accountId: parent.accountId,
      date: parent.date,
      // The parent carries the payee; a copy here would count twice in payee suggestions.
      payee: '',
      categoryId: value.categoryId || null,
      amountMinor: amount.ok ? amount.minor : 0,
      notes: value.notes.trim() || null,
      cleared: false,
      reconciled: false,
    };
    const errors: FieldErrors = {
      ...this.transactions.validate('create', data, TRANSACTION_LABELS),
      ...(amount.ok ? {} : { amountMinor: amount.error }),
    };
    if (!this.adding.accept(errors)) {
      return;
    }
    await this.adding.write(async () => {
      await this.transactions.create(data);
      this.form.reset();
    });
  }

  protected editLine(line: Transaction): void {
    this.editingLine.set(line);
    this.editing.clear();
    this.lineForm.setValue({
      categoryId: line.categoryId ?? '',
      amount: formatMoneyForInput(line.amountMinor ?? 0, this.currency(), this.locale),
      notes: line.notes ?? '',
    });
    this.focusAfterRender(`#${this.id}-line-category`);
  }

  /** Writes only what changed on the line, so another device's edit of the rest survives. */
  protected async saveLine(): Promise<void> {
    const line = this.editingLine();
    if (!line) {
      return;
    }
    const value = this.lineForm.getRawValue();
    const amount = this.parseAmount(value.amount);
    const patch = changedFields(line, {
      categoryId: value.categoryId || null,
      notes: value.notes.trim() || null,
      ...(amount.ok ? { amountMinor: amount.minor } : {}),
    });
    const errors: FieldErrors = amount.ok
      ? Object.keys(patch).length > 0
        ? this.transactions.validate('update', { id: line.id, ...patch }, TRANSACTION_LABELS)
        : {}
      : { amountMinor: amount.error };
    if (!this.editing.accept(errors)) {
      return;
    }
    await this.editing.write(async () => {
      if (Object.keys(patch).length > 0) {
        await this.transactions.update(line.id, patch);
      }
      this.closeLine(line);
    });
  }

  /** Escape ends the line's edit only; the transaction's editor stays open. */
  protected cancelLine(event?: Event): void {
    event?.preventDefault();
    const line = this.editingLine();
    if (line) {
      this.closeLine(line);
    }
  }

  protected async removeLine(line: Transaction): Promise<void> {
    await this.adding.write(() => this.transactions.remove(line.id));
  }

  private closeLine(line: Transaction): void {
    this.editingLine.set(null);
    this.editing.clear();
    this.focusAfterRender(`[data-line="${line.id}"] .split-lines__edit-button`);
  }

  private parseAmount(text: string) {
    return parseMoney(text, {
      minorDigits: minorDigits(this.currency()),
      decimalSeparator: localeSeparators(this.locale).decimal,
    });
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
