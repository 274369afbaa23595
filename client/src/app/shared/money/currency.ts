import { currencyExponent } from '@finwise/domain';

const separatorsCache = new Map<string, LocaleSeparators>();

export interface LocaleSeparators {
  decimal: string;
  group: string;
}

/**
 * How many minor-unit digits a currency has (EUR 2, JPY 0, KWD 3, HUF 2): ISO 4217, the same
 * table the server and bank-file import use, not the browser's display digits (CLDR shows HUF
 * with none, which would make "100" mean a hundredth of what a bank file means).
 */
export function minorDigits(currency: string): number {
  return currencyExponent(currency);
}

/** The decimal and grouping characters of a locale ("1,234.5" in en, "1.234,5" in de). */
export function localeSeparators(locale?: string): LocaleSeparators {
  const key = locale ?? '';
  let separators = separatorsCache.get(key);
  if (!separators) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    separators = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
    separatorsCache.set(key, separators);
  }
  return separators;
}

/** Every ISO-4217 code the browser knows, for currency pickers. */
export function knownCurrencies(): readonly string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'currency') => string[] };
  return intl.supportedValuesOf
    ? intl.supportedValuesOf('currency')
    : ['CHF', 'EUR', 'GBP', 'JPY', 'USD'];
}
