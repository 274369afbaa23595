/**
 * ISO 4217 minor-unit exponents that differ from 2. The table is ours rather than the runtime's
 * Intl data because CLDR gives display digits (HUF, IDR and COP show 0) while stored minor units
 * follow ISO 4217 (HUF has 2): a bank file's `100,00 HUF` must be 10000 on every device.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** How many minor-unit digits an amount in `currency` has (EUR 2, JPY 0, KWD 3; ISO 4217). */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}
