import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { cashFlowReport, netWorthReport, spendingReport } from '@finwise/finance';
import { provideChartParts } from '../shared/charts/chart-parts';
import { monthOf } from '../shared/dates/month';
import { CashFlowReportComponent } from './cash-flow-report.component';
import { defaultRange } from './month-range';
import { MonthRangePickerComponent } from './month-range-picker.component';
import { NetWorthReportComponent } from './net-worth-report.component';
import { ReportData } from './report-data';
import { SpendingReportComponent } from './spending-report.component';

/**
 * The reports of FINANCE §4 over a range of months, computed in the browser from this device's
 * data by the functions the server's report endpoints use: the same numbers, offline too, and
 * redrawn as other devices' changes sync in.
 */
@Component({
  selector: 'fw-reports-page',
  imports: [
    MonthRangePickerComponent,
    SpendingReportComponent,
    CashFlowReportComponent,
    NetWorthReportComponent,
  ],
  providers: [ReportData, provideChartParts()],
  templateUrl: './reports-page.component.html',
  // A column that may shrink below a chart's drawn width: charts follow a narrower screen.
  styles: `
    .reports {
      grid-template-columns: minmax(0, 1fr);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPageComponent {
  private readonly data = inject(ReportData);

  protected readonly currentMonth = monthOf(new Date());
  protected readonly range = signal(defaultRange(this.currentMonth));
  protected readonly loaded = this.data.loaded;

  protected readonly spending = computed(() => {
    const { from, to } = this.range();
    return spendingReport(this.data.aggregates(), from, to);
  });
  protected readonly cashFlow = computed(() => {
    const { from, to } = this.range();
    return cashFlowReport(this.data.aggregates(), from, to);
  });
  protected readonly netWorth = computed(() => {
    const { from, to } = this.range();
    return netWorthReport(this.data.aggregates(), from, to);
  });
}
