import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { Transaction } from '@finwise/domain';
import { fieldErrors, issuesOf, type FieldErrors } from '../forms/validation-messages';
import { USER_LOCALE } from '../locale';
import { localeSeparators, minorDigits } from '../money/currency';
import { MoneyPipe } from '../money/money.pipe';
import { parseMoney } from '../money/parse-money';
import type { CategoryGroup } from '../stores/category-groups';
import { TransactionsStore } from '../stores/transactions.store';
import { splitRemainder } from './register-items';
import { TRANSACTION_LABELS } from './transaction-form.component';

let nextEditorId = 0;

/**
 * The split lines of one transaction: child rows with their own category and amount. Their
 * sum may differ from what the bank booked; the difference is shown, never forced away.
 */
@Component({
  selector: 'fw-split-editor',
  imports: [ReactiveFormsModule, MoneyPipe],
  templateUrl: './split-editor.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SplitEditorComponent {
  private readonly transactions = inject(TransactionsStore);
  private readonly locale = inject(USER_LOCALE);

  readonly parent = input.required<Transaction>();
  readonly lines = input<readonly Transaction[]>([]);
  readonly categoryGroups = input<readonly CategoryGroup[]>([]);
  readonly currency = input('EUR');

  protected readonly id = `split-editor-${++nextEditorId}`;
  protected readonly remainder = computed(() => splitRemainder(this.parent(), this.lines()));
  protected readonly errors = signal<FieldErrors>({});
  protected readonly form = inject(NonNullableFormBuilder).group({
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
    const amount = parseMoney(value.amount, {
      minorDigits: minorDigits(this.currency()),
      decimalSeparator: localeSeparators(this.locale).decimal,
    });
    const data = {
      id: globalThis.crypto.randomUUID(),
      parentId: parent.id,
      accountId: parent.accountId,
      date: parent.date,
      payee: parent.payee ?? '',
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
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) {
      return;
    }
    try {
      await this.transactions.create(data);
      this.form.reset();
    } catch (error) {
      const issues = issuesOf(error);
      this.errors.set(
        issues
          ? fieldErrors(issues, TRANSACTION_LABELS)
          : { form: error instanceof Error ? error.message : String(error) },
      );
    }
  }

  protected async removeLine(line: Transaction): Promise<void> {
    try {
      await this.transactions.remove(line.id);
    } catch (error) {
      this.errors.set({ form: error instanceof Error ? error.message : String(error) });
    }
  }
}
