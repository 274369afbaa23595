import { knownCurrencies } from './currency';

export interface CurrencyOption {
  code: string;
  /** "EUR · Euro" in the user's language; the code alone where the browser has no name for it. */
  label: string;
}

/** Every currency the browser knows, for a picker that reads well with a screen reader too. */
export function currencyOptions(locale?: string): CurrencyOption[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale, { type: 'currency' });
  } catch {
    // Older engines lack DisplayNames; the codes alone are still a usable list.
  }
  return knownCurrencies().map((code) => {
    const name = names?.of(code);
    return { code, label: name && name !== code ? `${code} · ${name}` : code };
  });
}
