import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { CashFlowReport } from '@finwise/finance';
import { shortMonthLabel } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { MoneyPipe } from '../shared/money/money.pipe';
import { cashFlowChart } from './cash-flow-chart';
import { ReportChartComponent } from './report-chart.component';

/** Cash flow (FINANCE §4): a chart and a table per currency, never two currencies added. */
@Component({
  selector: 'fw-cash-flow-report',
  imports: [MoneyPipe, ReportChartComponent],
  templateUrl: './cash-flow-report.component.html',
  styleUrl: './report-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CashFlowReportComponent {
  private readonly locale = inject(USER_LOCALE);

  readonly report = input.required<CashFlowReport>();

  protected readonly groups = computed(() =>
    this.report().currencies.map((group) => {
      const months = group.months.map((month) => shortMonthLabel(month.month, this.locale));
      return {
        ...group,
        labels: months,
        chart: cashFlowChart(group, this.locale),
        chartLabel:
          `Bar chart of income and expense in ${group.currency} per month with the net as a ` +
          `line, ${months[0]} to ${months[months.length - 1]}. The numbers are in the table below.`,
      };
    }),
  );
}
