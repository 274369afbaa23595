import type { NetWorthCurrency } from '@finwise/finance';
import type { ChartConfiguration } from 'chart.js';
import { chartAnimation } from '../shared/charts/chart-animation';
import { EXPENSE_COLOR, INCOME_COLOR, NET_COLOR } from '../shared/charts/chart-colors';
import { moneyTicks, moneyTooltip } from '../shared/charts/money-ticks';
import { shortMonthLabel } from '../shared/dates/month';

/** One currency's net worth at each month end: assets, debts (below zero) and net as lines. */
export function netWorthChart(
  group: NetWorthCurrency,
  locale: string,
): ChartConfiguration<'line', number[], string> {
  const { currency, months } = group;
  const line = (label: string, color: string, data: number[], dashed = false) => ({
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    pointRadius: 3,
    // A dash tells the lines apart without relying on colour alone.
    borderDash: dashed ? [6, 4] : [],
  });
  return {
    type: 'line',
    data: {
      labels: months.map((month) => shortMonthLabel(month.month, locale)),
      datasets: [
        line(
          'Assets',
          INCOME_COLOR,
          months.map((month) => month.assets),
          true,
        ),
        line(
          'Debts',
          EXPENSE_COLOR,
          months.map((month) => month.debts),
          true,
        ),
        line(
          'Net worth',
          NET_COLOR,
          months.map((month) => month.net),
        ),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: chartAnimation(),
      interaction: { mode: 'index', intersect: false },
      scales: { y: { ticks: moneyTicks(currency, locale) } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: moneyTooltip<'line'>(currency, locale),
      },
    },
  };
}
