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
import { splitRemainders } from '@finwise/finance';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { PayeesStore } from '../data/stores/payees.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import type { CategoryGroup } from '../data/views/category-groups';
import { payeeName } from '../data/views/payee-index';
import { PayeesViewStore } from '../data/views/payees-view.store';
import { changedFields } from '../forms/changed-fields';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { FormSubmission } from '../forms/form-submission';
import { USER_LOCALE } from '../shared/locale';
import { localeSeparators, minorDigits } from '../shared/money/currency';
import { formatMoneyForInput } from '../shared/money/format-money';
import { MoneyPipe } from '../shared/money/money.pipe';
import { parseMoney } from '../shared/money/parse-money';
import type { FieldErrors } from '../shared/validation/validation-messages';
import { choosePayee } from './payee-choice';
import { PayeePickerComponent } from './payee-picker.component';
import { changesReconciledSide } from './reconciled-edit';
import { newSplitLine, parentToSum } from './split-lines';
import { TRANSACTION_LABELS } from './transaction-form.component';

let nextEditorId = 0;

/**
 * The split lines of one transaction: child rows with their own amount, category, payee and
 * note, added, edited and removed here. A line's account, date and flags are its parent's
 * (FINANCE §2), so editing the parent never touches a line. Their sum may differ from what the
 * bank booked; the remainder is shown with two ways to settle it, never forced away.
 */
@Component({
  selector: 'fw-split-editor',
  imports: [ReactiveFormsModule, MoneyPipe, FormActionsComponent, PayeePickerComponent],
  templateUrl: './split-editor.component.html',
  styleUrl: './split-editor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SplitEditorComponent {
  private readonly transactions = inject(TransactionsStore);
  private readonly payees = inject(PayeesStore);
  private readonly payeeIndex = inject(PayeesViewStore).index;
  private readonly financeWrites = inject(FinanceWrites);
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly parent = input.required<Transaction>();
  readonly lines = input<readonly Transaction[]>([]);
  readonly categoryGroups = input<readonly CategoryGroup[]>([]);
  readonly currency = input('EUR');

  protected readonly id = `split-editor-${++nextEditorId}`;
  protected readonly remainder = computed(
    () => splitRemainders([this.parent(), ...this.lines()]).get(this.parent().id) ?? 0,
  );
  /** The form adding a line; its form-level message also says when another action failed. */
  protected readonly adding = new FormSubmission(this.id, TRANSACTION_LABELS);
  protected readonly errors = this.adding.errors;
  /** The line being edited, as it was when editing began. */
  protected readonly editingLine = signal<Transaction | null>(null);
  private editingPayee = '';
  protected readonly editing = new FormSubmission(`${this.id}-line`, TRANSACTION_LABELS);
  protected readonly lineErrors = this.editing.errors;
  /** Asked before "set total to sum" changes the amount of a reconciled transaction. */
  protected readonly confirmingSum = signal(false);
  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    categoryId: [''],
    amount: [''],
    payee: [''],
    notes: [''],
  });
  protected readonly lineForm = this.formBuilder.group({
    categoryId: [''],
    amount: [''],
    payee: [''],
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

  protected lineLabel(line: Transaction): string {
    return [this.categoryName(line.categoryId), payeeName(this.payeeIndex(), line.payeeId)]
      .filter(Boolean)
      .join(' · ');
  }

  protected async addLine(amountMinor?: number): Promise<void> {
    const value = this.form.getRawValue();
    const amount =
      amountMinor === undefined
        ? this.parseAmount(value.amount)
        : { ok: true as const, minor: amountMinor };
    const payee = choosePayee(value.payee, this.payeeIndex(), this.payees.entities());
    const data = newSplitLine(this.parent(), globalThis.crypto.randomUUID(), {
      amountMinor: amount.ok ? amount.minor : 0,
      categoryId: value.categoryId || null,
      payeeId: payee.ok ? payee.payeeId : null,
      notes: value.notes.trim() || null,
    });
    const errors: FieldErrors = {
      ...this.transactions.validate('create', data, TRANSACTION_LABELS),
      ...(amount.ok ? {} : { amountMinor: amount.error }),
      ...(payee.ok ? {} : { payeeId: payee.error }),
    };
    if (!this.adding.accept(errors)) {
      return;
    }
    await this.adding.write(async () => {
      if (payee.ok) {
        await this.financeWrites.apply(payee.mutations);
      }
      await this.transactions.create(data);
      this.form.reset();
    });
  }

  /** A line for what is left to assign, with what the add form holds besides an amount. */
  protected async addRemainderLine(): Promise<void> {
    await this.addLine(this.remainder());
    this.focusAfterRender(`#${this.id}-category`);
  }

  /** Makes the bank's amount the lines' sum: one write on the parent, none on the lines. */
  protected async setParentToSum(confirmed = false): Promise<void> {
    const patch = parentToSum(this.lines());
    if (!confirmed && changesReconciledSide(this.parent(), patch)) {
      this.confirmingSum.set(true);
      this.focusAfterRender(`#${this.id}-confirm-sum`);
      return;
    }
    this.confirmingSum.set(false);
    await this.adding.write(() => this.transactions.update(this.parent().id, patch));
  }

  protected cancelSum(): void {
    this.confirmingSum.set(false);
    this.focusAfterRender(`#${this.id}-set-sum`);
  }

  protected editLine(line: Transaction): void {
    this.editingLine.set(line);
    this.editing.clear();
    this.editingPayee = payeeName(this.payeeIndex(), line.payeeId) ?? '';
    this.lineForm.setValue({
      categoryId: line.categoryId ?? '',
      amount: formatMoneyForInput(line.amountMinor ?? 0, this.currency(), this.locale),
      payee: this.editingPayee,
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
    const payee =
      value.payee === this.editingPayee
        ? { ok: true as const, payeeId: line.payeeId ?? null, mutations: [] }
        : choosePayee(value.payee, this.payeeIndex(), this.payees.entities(), line.payeeId);
    const patch = changedFields(line, {
      categoryId: value.categoryId || null,
      notes: value.notes.trim() || null,
      ...(payee.ok ? { payeeId: payee.payeeId } : {}),
      ...(amount.ok ? { amountMinor: amount.minor } : {}),
    });
    const errors: FieldErrors = {
      ...(Object.keys(patch).length > 0
        ? this.transactions.validate('update', { id: line.id, ...patch }, TRANSACTION_LABELS)
        : {}),
      ...(amount.ok ? {} : { amountMinor: amount.error }),
      ...(payee.ok ? {} : { payeeId: payee.error }),
    };
    if (!this.editing.accept(errors)) {
      return;
    }
    await this.editing.write(async () => {
      if (payee.ok) {
        await this.financeWrites.apply(payee.mutations);
      }
      if (Object.keys(patch).length > 0) {
        await this.transactions.update(line.id, patch);
      }
      this.closeLine(line);
    });
  }

  /** Escape ends the line's edit only; the transaction's editor stays open. */
  protected cancelLine(event?: Event): void {
    if (event?.defaultPrevented) {
      return;
    }
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
