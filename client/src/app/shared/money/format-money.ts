import { localeSeparators, minorDigits } from './currency';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Exact decimal text of an amount in minor units ("-1234.56" for -123456 with 2 digits).
 * Dividing by 100 would hand Intl a binary float; a decimal string is formatted exactly.
 */
export function minorToDecimal(minor: number, digits: number): `${number}` {
  const sign = minor < 0 ? '-' : '';
  const absolute = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const integer = absolute.slice(0, absolute.length - digits);
  const fraction = digits > 0 ? `.${absolute.slice(-digits)}` : '';
  return `${sign}${integer}${fraction}` as `${number}`;
}

/** An amount for display, in the account's currency ("-€1,234.56", "1.234,56 €"). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter.format(minorToDecimal(minor, minorDigits(currency)));
}

/** An amount as the text an edit field starts with: no symbol, no grouping, the locale's decimal mark. */
export function formatMoneyForInput(minor: number, currency: string, locale?: string): string {
  const text = minorToDecimal(minor, minorDigits(currency));
  return text.replace('.', localeSeparators(locale).decimal);
}
