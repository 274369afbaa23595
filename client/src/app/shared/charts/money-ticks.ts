import type { ChartType, TooltipItem } from 'chart.js';
import { minorDigits } from '../money/currency';
import { formatMoney, minorToDecimal } from '../money/format-money';

const compactFormatters = new Map<string, Intl.NumberFormat>();

/**
 * An axis label for an amount in minor units: short ("€1.2K") because a phone's axis has room
 * for a few characters only; the exact amounts are in the tooltip and the table.
 */
export function compactMoney(minor: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = compactFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    compactFormatters.set(key, formatter);
  }
  return formatter.format(minorToDecimal(Math.round(minor), minorDigits(currency)));
}

/** Ticks of a value axis whose data are integer minor units, labelled in the currency. */
export function moneyTicks(currency: string, locale: string) {
  return {
    precision: 0,
    callback: (value: string | number) => compactMoney(Number(value), currency, locale),
  };
}

/** Tooltip lines "Groceries: €12.50", the amount read from the value axis (`x` for horizontal bars). */
export function moneyTooltip<T extends ChartType>(
  currency: string,
  locale: string,
  axis: 'x' | 'y' = 'y',
) {
  return {
    callbacks: {
      label: (item: TooltipItem<T>) => {
        // Bars and lines both parse to {x, y}; their shared typing is too general to say so.
        const parsed = item.parsed as { x?: number | null; y?: number | null };
        const { label } = item.dataset as { label?: string };
        return `${label ?? ''}: ${formatMoney(parsed[axis] ?? 0, currency, locale)}`;
      },
    },
  };
}
