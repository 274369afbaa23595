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
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import {
  accounts,
  ACCOUNT_TYPES,
  type Account,
  type AccountGroup,
  type AccountType,
} from '@finwise/domain';
import { startingBalancePlan, type StartingBalancePlan } from '@finwise/finance';
import { StartingBalances } from '../data/starter/starting-balances.service';
import { AccountsStore } from '../data/stores/accounts.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { nextSortOrder } from '../data/views/sort-order';
import { changedFields } from '../forms/changed-fields';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { FormSubmission } from '../forms/form-submission';
import { localDate } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { knownCurrencies, localeSeparators, minorDigits } from '../shared/money/currency';
import { parseMoney } from '../shared/money/parse-money';
import type { FieldErrors } from '../shared/validation/validation-messages';

const STARTING_LABELS = {
  startingBalance: 'Starting balance',
  startingDate: 'Date of the starting balance',
};
const LABELS = { ...accounts.wording.fieldLabels, ...STARTING_LABELS };

/** Account types whose balance is money owed: the form asks for the amount owed. */
const OWED_TYPES: ReadonlySet<AccountType> = new Set(['credit', 'loan']);

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
  private readonly transactions = inject(TransactionsStore);
  private readonly startingBalances = inject(StartingBalances);
  private readonly locale = inject(USER_LOCALE);

  readonly groups = input<readonly AccountGroup[]>([]);
  readonly account = input<Account | null>(null);
  readonly defaultCurrency = input('EUR');
  /** Transactions the edited account holds (its own and transfers in). */
  readonly transactionCount = input(0);
  readonly done = output<Account | null>();

  protected readonly id = `account-form-${++nextFormId}`;
  /** Ids of the next new account and its starting balance: fixed while the form checks them. */
  private newAccountId = globalThis.crypto.randomUUID();
  private startingBalanceId = globalThis.crypto.randomUUID();
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
    startingBalance: [''],
    startingDate: [localDate(new Date())],
  });
  private readonly type = toSignal(this.form.controls.type.valueChanges, {
    initialValue: this.form.controls.type.value,
  });
  /** A credit card or loan starts with what is owed; any other account with what it holds. */
  protected readonly owes = computed(() => OWED_TYPES.has(this.type()));

  constructor() {
    this.submission.watch(
      this.form,
      () => this.draft(this.account()?.id ?? this.newAccountId).errors,
    );
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
            : { currency, startingDate: localDate(new Date()) },
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

  /** What a submit would write, and what is wrong with it (also re-checked while typing). */
  private draft(id: string) {
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
    const data = existing
      ? changedFields(existing, fields)
      : { ...fields, sortOrder: nextSortOrder(this.accounts.entities()) };
    const errors = this.accounts.validate(existing ? 'update' : 'create', { id, ...data }, LABELS);
    if (this.currencyLocked() && data.currency !== undefined) {
      errors['currency'] = this.currencyLockedText();
    }
    const startingBalance = existing
      ? null
      : this.startingBalanceOf(id, fields, value.startingBalance, value.startingDate, errors);
    return {
      existing,
      data,
      errors,
      startingBalance,
      currency: fields.currency,
      groupId: value.groupId,
    };
  }

  /** The starting balance to book with a new account; adds its field's message to `errors`. */
  private startingBalanceOf(
    accountId: string,
    account: { type: AccountType; onBudget: boolean; currency: string },
    text: string,
    date: string,
    errors: FieldErrors,
  ): StartingBalancePlan | null {
    if (text.trim() === '') {
      return null;
    }
    const amount = parseMoney(text, {
      minorDigits: minorDigits(account.currency),
      decimalSeparator: localeSeparators(this.locale).decimal,
    });
    if (!amount.ok) {
      errors['startingBalance'] = amount.error;
      return null;
    }
    if (!date) {
      errors['startingDate'] = 'Enter the date of the starting balance.';
      return null;
    }
    const plan = startingBalancePlan({
      id: this.startingBalanceId,
      accountId,
      accountType: account.type,
      onBudget: account.onBudget,
      enteredMinor: amount.minor,
      date,
    });
    if (plan) {
      const problems = this.transactions.validate('create', plan.transaction, {
        amountMinor: STARTING_LABELS.startingBalance,
        date: STARTING_LABELS.startingDate,
      });
      if (problems['amountMinor']) errors['startingBalance'] = problems['amountMinor'];
      if (problems['date']) errors['startingDate'] = problems['date'];
    }
    return plan;
  }

  protected async submit(): Promise<void> {
    const id = this.account()?.id ?? this.newAccountId;
    const { existing, data, errors, startingBalance, currency, groupId } = this.draft(id);
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
      if (startingBalance) {
        await this.startingBalances.book(startingBalance);
      }
      if (!existing) {
        this.newAccountId = globalThis.crypto.randomUUID();
        this.startingBalanceId = globalThis.crypto.randomUUID();
        this.form.reset({
          currency,
          groupId,
          startingDate: localDate(new Date()),
        });
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
