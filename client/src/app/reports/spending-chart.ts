import type { ChartConfiguration } from 'chart.js';
import { chartAnimation } from '../shared/charts/chart-animation';
import { seriesColor } from '../shared/charts/chart-colors';
import { moneyTicks, moneyTooltip } from '../shared/charts/money-ticks';
import { shortMonthLabel } from '../shared/dates/month';
import type { SpendingView } from './spending-lines';

/** Stacked bars per month, one colour per category, in minor units of the budget currency. */
export function spendingChart(
  view: SpendingView,
  currency: string,
  locale: string,
): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: view.months.map((month) => shortMonthLabel(month, locale)),
      datasets: view.lines.map((line, index) => ({
        label: line.label,
        data: [...line.amounts],
        backgroundColor: seriesColor(index),
        stack: 'spending',
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: chartAnimation(),
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true },
        y: { stacked: true, ticks: moneyTicks(currency, locale) },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: moneyTooltip<'bar'>(currency, locale),
      },
    },
  };
}
