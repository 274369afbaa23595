import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { SpendingReport } from '@finwise/finance';
import { shortMonthLabel } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { MoneyPipe } from '../shared/money/money.pipe';
import { CategoryFilterComponent } from './category-filter.component';
import { ReportChartComponent } from './report-chart.component';
import { spendingChart } from './spending-chart';
import { spendingLines, spendingView } from './spending-lines';

/** Spending by category (FINANCE §4): stacked bars per month and the same numbers as a table. */
@Component({
  selector: 'fw-spending-report',
  imports: [MoneyPipe, CategoryFilterComponent, ReportChartComponent],
  templateUrl: './spending-report.component.html',
  styleUrl: './report-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendingReportComponent {
  private readonly locale = inject(USER_LOCALE);

  readonly report = input.required<SpendingReport>();
  /** The lines left out by the category filter. */
  protected readonly hidden = signal<ReadonlySet<string>>(new Set());

  protected readonly lines = computed(() => spendingLines(this.report()));
  protected readonly view = computed(() => spendingView(this.report(), this.hidden()));
  protected readonly chart = computed(() =>
    spendingChart(this.view(), this.report().currency, this.locale),
  );
  protected readonly months = computed(() =>
    this.view().months.map((month) => shortMonthLabel(month, this.locale)),
  );
  /** Per line, the whole range: the table's last row. */
  protected readonly lineTotals = computed(() =>
    this.view().lines.map((line) => line.amounts.reduce((sum, amount) => sum + amount, 0)),
  );
  protected readonly grandTotal = computed(() =>
    this.view().totals.reduce((sum, amount) => sum + amount, 0),
  );
  protected readonly chartLabel = computed(() => {
    const months = this.months();
    return (
      `Stacked bar chart of spending by category in ${this.report().currency} per month, ` +
      `${months[0]} to ${months[months.length - 1]}. The numbers are in the table below.`
    );
  });
}
