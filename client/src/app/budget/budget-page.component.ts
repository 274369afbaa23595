import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { computeMonthBudget } from '@finwise/finance';
import { DeleteConfirmation } from '../forms/delete-confirmation';
import { addMonths, isMonth, monthLabel, monthOf } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { BudgetActions } from './budget-actions';
import { BudgetData } from './budget-data';
import { BudgetSummaryComponent } from './budget-summary.component';
import { BudgetTableComponent } from './budget-table.component';
import { budgetView } from './budget-view';
import { MoveMoneyDialogComponent } from './move-money-dialog.component';
import { SpendingChartComponent } from './spending-chart.component';
import { spendingSlices } from './spending-slices';

/**
 * One month's envelope budget (FINANCE §3), computed in the browser from this device's data:
 * what came in, what is budgeted, spent and available per category, and every budget action.
 */
@Component({
  selector: 'fw-budget-page',
  imports: [
    RouterLink,
    BudgetSummaryComponent,
    BudgetTableComponent,
    MoveMoneyDialogComponent,
    SpendingChartComponent,
  ],
  providers: [BudgetData, BudgetActions],
  templateUrl: './budget-page.component.html',
  styleUrl: './budget-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetPageComponent {
  private readonly data = inject(BudgetData);
  private readonly locale = inject(USER_LOCALE);
  private readonly moveDialog = viewChild.required(MoveMoneyDialogComponent);
  protected readonly actions = inject(BudgetActions);

  /** Route parameter `YYYY-MM`; anything else means this month. */
  readonly month = input<string | undefined>(undefined);

  protected readonly currentMonth = computed(() => {
    const month = this.month();
    return isMonth(month) ? month : monthOf(new Date());
  });
  protected readonly previous = computed(() => addMonths(this.currentMonth(), -1));
  protected readonly next = computed(() => addMonths(this.currentMonth(), 1));
  protected readonly title = computed(() => monthLabel(this.currentMonth(), this.locale));
  protected readonly loaded = this.data.loaded;

  protected readonly budget = computed(() =>
    computeMonthBudget(this.data.aggregates(), this.currentMonth()),
  );
  protected readonly view = computed(() =>
    budgetView(this.budget(), this.data.budgetCells(), this.data.accounts()),
  );
  protected readonly slices = computed(() => spendingSlices(this.budget()));
  protected readonly hasCategories = computed(() => this.budget().categories.length > 0);
  /** Copying over amounts already typed this month asks first: a second press confirms. */
  protected readonly copyReplaces = computed(() =>
    this.actions.copyWouldReplace(this.currentMonth()),
  );
  protected readonly copyConfirmation = new DeleteConfirmation();

  protected openMove(fromCategoryId: string | null = null): void {
    this.moveDialog().open(fromCategoryId);
  }

  protected async copyLastMonth(): Promise<void> {
    const month = this.currentMonth();
    if (this.copyReplaces() > 0 && !this.copyConfirmation.confirm(month)) return;
    await this.actions.copyLastMonth(month);
  }
}
