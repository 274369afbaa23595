import type { CashFlowCurrency } from '@finwise/finance';
import type { ChartConfiguration } from 'chart.js';
import { chartAnimation } from '../shared/charts/chart-animation';
import { EXPENSE_COLOR, INCOME_COLOR, NET_COLOR } from '../shared/charts/chart-colors';
import { moneyTicks, moneyTooltip } from '../shared/charts/money-ticks';
import { shortMonthLabel } from '../shared/dates/month';

/**
 * One currency's cash flow: income up and expense down as bars per month, and the month's net
 * (transfers included) as a line, so a month whose line is below zero took money out.
 */
export function cashFlowChart(
  group: CashFlowCurrency,
  locale: string,
): ChartConfiguration<'bar' | 'line', number[], string> {
  const { currency, months } = group;
  return {
    type: 'bar',
    data: {
      labels: months.map((month) => shortMonthLabel(month.month, locale)),
      datasets: [
        {
          type: 'bar',
          label: 'Income',
          data: months.map((month) => month.income),
          backgroundColor: INCOME_COLOR,
          order: 2,
        },
        {
          type: 'bar',
          label: 'Expense',
          data: months.map((month) => month.expense),
          backgroundColor: EXPENSE_COLOR,
          order: 2,
        },
        {
          type: 'line',
          label: 'Net',
          data: months.map((month) => month.net),
          borderColor: NET_COLOR,
          backgroundColor: NET_COLOR,
          pointRadius: 3,
          // Drawn over the bars.
          order: 1,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: chartAnimation(),
      interaction: { mode: 'index', intersect: false },
      scales: { y: { ticks: moneyTicks(currency, locale) } },
      plugins: {
        // Income, Expense, Net as listed, not in drawing order (the line is drawn last, on top).
        legend: {
          position: 'bottom',
          labels: { sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
        },
        tooltip: moneyTooltip<'bar' | 'line'>(currency, locale),
      },
    },
  };
}
