import type { ChartConfiguration } from 'chart.js';
import { chartAnimation } from '../shared/charts/chart-animation';
import { seriesColor } from '../shared/charts/chart-colors';
import { moneyTicks, moneyTooltip } from '../shared/charts/money-ticks';
import type { SpendingSlice } from './spending-slices';

/** One bar per slice, largest on top, in minor units of the budget currency. */
export function spendingBars(
  slices: readonly SpendingSlice[],
  currency: string,
  locale: string,
): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: slices.map((slice) => slice.label),
      datasets: [
        {
          label: 'Spent',
          data: slices.map((slice) => slice.amountMinor),
          backgroundColor: seriesColor(0),
          maxBarThickness: 24,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: chartAnimation(),
      scales: { x: { beginAtZero: true, ticks: moneyTicks(currency, locale) } },
      plugins: {
        legend: { display: false },
        tooltip: moneyTooltip<'bar'>(currency, locale, 'x'),
      },
    },
  };
}
