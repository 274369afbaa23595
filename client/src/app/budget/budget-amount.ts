import { localeSeparators, minorDigits } from '../shared/money/currency';
import { parseMoney, type MoneyParseResult } from '../shared/money/parse-money';

/** A budgeted amount as typed into a cell: blank clears the cell (0). */
export function readBudgetedAmount(
  text: string,
  currency: string,
  locale: string,
): MoneyParseResult {
  if (text.trim() === '') return { ok: true, minor: 0 };
  return parse(text, currency, locale);
}

/** An amount to move, hold or release: money goes one way, so it must be more than 0. */
export function readPositiveAmount(
  text: string,
  currency: string,
  locale: string,
): MoneyParseResult {
  const parsed = parse(text, currency, locale);
  if (parsed.ok && parsed.minor <= 0) return { ok: false, error: 'Enter an amount more than 0.' };
  return parsed;
}

function parse(text: string, currency: string, locale: string): MoneyParseResult {
  return parseMoney(text, {
    minorDigits: minorDigits(currency),
    decimalSeparator: localeSeparators(locale).decimal,
  });
}
