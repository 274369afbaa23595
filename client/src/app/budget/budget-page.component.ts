import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { budgetId, type Category } from '@finwise/domain';
import { AccountsStore } from '../data/stores/accounts.store';
import { BudgetsStore } from '../data/stores/budgets.store';
import { CategoriesStore } from '../data/stores/categories.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { AccountsViewStore } from '../data/views/accounts-view.store';
import { TransactionsViewStore } from '../data/views/transactions-view.store';
import { errorMessage } from '../forms/error-message';
import { addMonths, isMonth, monthLabel, monthOf } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { localeSeparators, minorDigits } from '../shared/money/currency';
import { formatMoneyForInput } from '../shared/money/format-money';
import { MoneyPipe } from '../shared/money/money.pipe';
import { parseMoney } from '../shared/money/parse-money';
import { monthBudget, monthlyActivity, monthlyBudgeted, monthlyUncategorized } from './budget-math';
import { SpendingChartComponent } from './spending-chart.component';

/** One month's budget: budgeted, activity and available per category, and what is left to budget. */
@Component({
  selector: 'fw-budget-page',
  imports: [RouterLink, MoneyPipe, SpendingChartComponent],
  templateUrl: './budget-page.component.html',
  styleUrl: './budget-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetPageComponent {
  private readonly accounts = inject(AccountsStore);
  private readonly categories = inject(CategoriesStore);
  private readonly budgets = inject(BudgetsStore);
  private readonly transactions = inject(TransactionsStore);
  private readonly transactionIndex = inject(TransactionsViewStore).index;
  private readonly locale = inject(USER_LOCALE);

  /** Route parameter `YYYY-MM`; anything else means this month. */
  readonly month = input<string | undefined>(undefined);

  protected readonly currentMonth = computed(() => {
    const month = this.month();
    return isMonth(month) ? month : monthOf(new Date());
  });
  protected readonly previous = computed(() => addMonths(this.currentMonth(), -1));
  protected readonly next = computed(() => addMonths(this.currentMonth(), 1));
  protected readonly title = computed(() => monthLabel(this.currentMonth(), this.locale));
  protected readonly currency = inject(AccountsViewStore).budgetCurrency;

  // Independent of the month shown, so paging months does not re-scan every transaction.
  private readonly activity = computed(() =>
    monthlyActivity(
      this.transactions.entities(),
      this.accounts.entityMap(),
      this.currency(),
      new Set(this.transactionIndex().childrenByParent.keys()),
    ),
  );
  private readonly uncategorized = computed(() =>
    monthlyUncategorized(
      this.transactions.entities(),
      this.accounts.entityMap(),
      this.currency(),
      this.transactionIndex().childrenByParent,
    ),
  );
  private readonly budgeted = computed(() => monthlyBudgeted(this.budgets.entities()));

  protected readonly view = computed(() =>
    monthBudget({
      month: this.currentMonth(),
      currency: this.currency(),
      categories: this.categories.entities(),
      activity: this.activity(),
      budgeted: this.budgeted(),
      accounts: this.accounts.entities(),
      uncategorized: this.uncategorized(),
    }),
  );
  protected readonly errors = signal<Readonly<Record<string, string>>>({});

  protected inputValue(minor: number): string {
    return minor === 0 ? '' : formatMoneyForInput(minor, this.currency(), this.locale);
  }

  protected async setBudget(category: Category, text: string, current: number): Promise<void> {
    const parsed =
      text.trim() === ''
        ? ({ ok: true, minor: 0 } as const)
        : parseMoney(text, {
            minorDigits: minorDigits(this.currency()),
            decimalSeparator: localeSeparators(this.locale).decimal,
          });
    if (!parsed.ok) {
      this.setError(category.id, parsed.error);
      return;
    }
    this.setError(category.id, null);
    if (parsed.minor === current) {
      return;
    }
    const month = this.currentMonth();
    const id = budgetId(category.id, month);
    try {
      // The id is derived from category and month, so devices budgeting offline meet in one row.
      if (this.budgets.entityMap()[id]) {
        await this.budgets.update(id, { budgetedMinor: parsed.minor });
      } else {
        await this.budgets.create({
          id,
          categoryId: category.id,
          month,
          budgetedMinor: parsed.minor,
        });
      }
    } catch (error) {
      this.setError(category.id, errorMessage(error));
    }
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
