import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { NetWorthReport } from '@finwise/finance';
import { shortMonthLabel } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { MoneyPipe } from '../shared/money/money.pipe';
import { netWorthChart } from './net-worth-chart';
import { ReportChartComponent } from './report-chart.component';

/** Net worth (FINANCE §4): assets, debts and net at each month end, per currency. */
@Component({
  selector: 'fw-net-worth-report',
  imports: [MoneyPipe, ReportChartComponent],
  templateUrl: './net-worth-report.component.html',
  styleUrl: './report-table.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NetWorthReportComponent {
  private readonly locale = inject(USER_LOCALE);

  readonly report = input.required<NetWorthReport>();

  protected readonly groups = computed(() =>
    this.report().currencies.map((group) => {
      const months = group.months.map((month) => shortMonthLabel(month.month, this.locale));
      return {
        ...group,
        labels: months,
        chart: netWorthChart(group, this.locale),
        chartLabel:
          `Line chart of assets, debts and net worth in ${group.currency} at each month end, ` +
          `${months[0]} to ${months[months.length - 1]}. The numbers are in the table below.`,
      };
    }),
  );
}
