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
import {
  accounts,
  ACCOUNT_TYPES,
  type Account,
  type AccountGroup,
  type AccountType,
} from '@finwise/domain';
import { AccountsStore } from '../data/stores/accounts.store';
import { nextSortOrder } from '../data/views/sort-order';
import { changedFields } from '../forms/changed-fields';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { FormSubmission } from '../forms/form-submission';
import { knownCurrencies } from '../shared/money/currency';

const LABELS = accounts.wording.fieldLabels;

const TYPE_LABELS: Readonly<Record<AccountType, string>> = {
  checking: 'Checking',
  savings: 'Savings',
  credit: 'Credit card',
  cash: 'Cash',
  investment: 'Investment',
  loan: 'Loan',
  other: 'Other',
};

let nextFormId = 0;

/** Opens a new account or edits one (name, type, currency, group, note, budget use, closed). */
@Component({
  selector: 'fw-account-form',
  imports: [ReactiveFormsModule, FormActionsComponent],
  templateUrl: './account-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountFormComponent {
  private readonly accounts = inject(AccountsStore);

  readonly groups = input<readonly AccountGroup[]>([]);
  readonly account = input<Account | null>(null);
  readonly defaultCurrency = input('EUR');
  /** Transactions the edited account holds (its own and transfers in). */
  readonly transactionCount = input(0);
  readonly done = output<Account | null>();

  protected readonly id = `account-form-${++nextFormId}`;
  protected readonly isNew = computed(() => this.account() === null);
  protected readonly submission = new FormSubmission(this.id, LABELS);
  protected readonly errors = this.submission.errors;
  protected readonly types = ACCOUNT_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));
  protected readonly currencies = knownCurrencies();
  /**
   * Amounts are stored in the account's currency without one of their own: changing it would
   * silently turn €12.50 into $12.50 (or ¥1250). Once money is booked it stays fixed.
   */
  protected readonly currencyLocked = computed(() => !this.isNew() && this.transactionCount() > 0);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [''],
    type: ['checking' as AccountType],
    currency: ['EUR'],
    groupId: [''],
    onBudget: [true],
    closed: [false],
    note: [''],
  });

  constructor() {
    // Reset only for a different account to edit; live updates must not wipe typing.
    effect(() => {
      const account = this.account();
      untracked(() => {
        const currency = this.defaultCurrency();
        this.form.reset(
          account
            ? {
                name: account.name ?? '',
                type: account.type ?? 'checking',
                currency: account.currency ?? currency,
                groupId: account.groupId ?? '',
                onBudget: account.onBudget === true,
                closed: account.closed === true,
                note: account.note ?? '',
              }
            : { currency },
        );
      });
    });
    effect(() => {
      const control = this.form.controls.currency;
      if (this.currencyLocked()) {
        untracked(() => control.disable());
      } else {
        untracked(() => control.enable());
      }
    });
    // The budget currency becomes known once the settings load: offer it until the user picks one.
    effect(() => {
      const currency = this.defaultCurrency();
      untracked(() => {
        const control = this.form.controls.currency;
        if (!this.account() && control.pristine && control.value !== currency) {
          control.setValue(currency);
        }
      });
    });
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const fields = {
      name: value.name.trim(),
      type: value.type,
      currency: value.currency.trim().toUpperCase(),
      groupId: value.groupId || null,
      onBudget: value.onBudget,
      closed: value.closed,
      note: value.note.trim() || null,
    };
    const existing = this.account();
    const id = existing?.id ?? globalThis.crypto.randomUUID();
    const data = existing
      ? changedFields(existing, fields)
      : { ...fields, sortOrder: nextSortOrder(this.accounts.entities()) };
    const errors = this.accounts.validate(existing ? 'update' : 'create', { id, ...data }, LABELS);
    if (this.currencyLocked() && data.currency !== undefined) {
      errors['currency'] = this.currencyLockedText();
    }
    if (existing && Object.keys(data).length === 0) {
      this.done.emit(existing);
      return;
    }
    if (!this.submission.accept(errors)) {
      return;
    }
    await this.submission.write(async () => {
      const saved = existing
        ? await this.accounts.update(id, data)
        : await this.accounts.create({ id, ...data });
      if (!existing) {
        this.form.reset({ currency: fields.currency, groupId: value.groupId });
      }
      this.done.emit(saved);
    });
  }

  protected currencyLockedText(): string {
    const count = this.transactionCount();
    return `The currency stays ${this.account()?.currency ?? ''}: this account holds ${count} ${count === 1 ? 'transaction' : 'transactions'} in it. Open a new account for another currency.`;
  }

  protected cancel(): void {
    this.done.emit(null);
  }
}
