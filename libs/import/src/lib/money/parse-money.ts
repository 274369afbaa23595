/**
 * Reads a bank file's amount text into integer minor units without ever going through a float:
 * the digits are joined as a string and converted with BigInt, so `0.1 + 0.2` style drift cannot
 * occur and a value the currency cannot hold is an error rather than a rounding.
 */

export type MoneyFormat = 'csv' | 'ofx' | 'qif';
export type DecimalSeparator = '.' | ',';

export interface ParseMoneyOptions {
  /** `auto` decides from the value itself and reports a value it cannot decide (`ambiguous`). */
  readonly decimal: DecimalSeparator | 'auto';
  /** The currency's minor-unit exponent (`currencyExponent`): EUR 2, JPY 0, KWD 3. */
  readonly exponent: number;
  /** OFX amounts never group thousands; CSV and QIF follow `decimal`. */
  readonly format: MoneyFormat;
  /** Named in error messages ("… than EUR allows"); optional because only the exponent matters. */
  readonly currency?: string;
}

export interface MoneyOk {
  readonly kind: 'ok';
  readonly minor: number;
}

/**
 * `1.234` read with `auto`: one separator followed by exactly three digits is a thousands group
 * in de-DE and a decimal mark in en-US. Both readings are given so a caller can show them.
 */
export interface MoneyAmbiguous {
  readonly kind: 'ambiguous';
  readonly separator: DecimalSeparator;
  /** The value read with `separator` as thousands grouping. */
  readonly asGrouping: number;
  /** The value read with `separator` as decimal mark; absent when the currency cannot hold it. */
  readonly asDecimal?: number;
  readonly message: string;
}

export interface MoneyError {
  readonly kind: 'error';
  readonly message: string;
}

export type MoneyResult = MoneyOk | MoneyAmbiguous | MoneyError;

const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

// Only the entities a bank could put into an amount; text fields decode entities elsewhere.
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&nbsp;': '\u00a0',
  '&minus;': '\u2212',
};

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]{1,7});/g, (_, dec: string) => codePoint(parseInt(dec, 10)))
    .replace(/&[a-z]+;/gi, (entity) => ENTITIES[entity.toLowerCase()] ?? entity);
}

function codePoint(value: number): string {
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '';
}

/** Spaces and apostrophes that group thousands (fr-FR U+202F/U+00A0, de-CH `'`). */
const GROUPING_NOISE = /[\s\u00a0\u2007\u2009\u202f'\u2019]/g;
/** A currency symbol (`€`, `$`, `£` …, Unicode category Sc). */
const CURRENCY_SYMBOL = /\p{Sc}/gu;
/** An ISO code or local abbreviation before or after the number: `EUR`, `CHF`, `Ft`, `kr`, `zł`. */
const LEADING_LETTERS = /^\p{L}{1,3}\.?(?=[\s\d(+\-\u2212])/u;
const TRAILING_LETTERS = /(?<=[\s\d)-])\p{L}{1,3}\.?$/u;

/**
 * A debit/credit indicator after the number: `45.00 DR`, `12.00 CR`, and the German `12,50 S`
 * (Soll) / `12,50 H` (Haben). Stripped like a currency code it would silently lose the sign.
 */
const SIGN_INDICATOR = /(?<=[\d\s)])(?:([DdCc][Rr])|([SH]))\.?$/;

interface SignedDigits {
  readonly negative: boolean;
  /** Digits with `.` and `,` only, starting with a digit. */
  readonly body: string;
  /** The mark of a trailing `,-` / `.-`, which can only be the decimal mark. */
  readonly wholeMark?: DecimalSeparator;
}

function clean(raw: string, format: MoneyFormat): SignedDigits | MoneyError {
  let text = raw.trim();
  if (format === 'ofx') text = decodeEntities(text);
  text = text.replace(/\u2212/g, '-');
  if (text === '') return { kind: 'error', message: 'The amount is empty' };

  text = text.replace(CURRENCY_SYMBOL, ' ').trim();
  let markers = 0;
  let negative = false;
  const indicator = SIGN_INDICATOR.exec(text);
  if (indicator) {
    const mark = (indicator[1] ?? indicator[2]).toUpperCase();
    negative = mark === 'DR' || mark === 'S';
    markers += 1;
    text = text.slice(0, indicator.index).trim();
  }
  text = text.replace(LEADING_LETTERS, '').trim();
  text = text.replace(TRAILING_LETTERS, '').trim();
  text = text.replace(GROUPING_NOISE, '');

  let wholeMark: DecimalSeparator | undefined;
  // Markers may nest in any order (`-(12.50)`, `(12.50-)`); every one found is counted.
  for (let changed = true; changed;) {
    changed = false;
    if (text.startsWith('(') && text.endsWith(')')) {
      text = text.slice(1, -1);
      markers += 1;
      negative = true;
      changed = true;
    }
    if (text.startsWith('-') || text.startsWith('+')) {
      negative = negative || text.startsWith('-');
      text = text.slice(1);
      markers += 1;
      changed = true;
    }
    // `1.000,-` is the German way to write a whole amount; it is not a minus sign.
    if (wholeMark === undefined && /\d[.,]-$/.test(text)) {
      wholeMark = text.at(-2) === ',' ? ',' : '.';
      text = text.slice(0, -2);
      changed = true;
    } else if (text.endsWith('-')) {
      text = text.slice(0, -1);
      markers += 1;
      negative = true;
      changed = true;
    }
  }
  if (markers > 1) return { kind: 'error', message: `${shown(raw)} has more than one sign` };
  if (!/^\d[\d.,]*$/.test(text)) {
    return { kind: 'error', message: `${shown(raw)} is not an amount` };
  }
  return { negative, body: text, ...(wholeMark ? { wholeMark } : {}) };
}

function shown(raw: string): string {
  return raw.trim() === '' ? 'The empty amount' : raw.trim();
}

function currencyName(options: ParseMoneyOptions): string {
  return options.currency?.toUpperCase() ?? 'the currency';
}

/**
 * Splits `body` at `decimal` (at most once) after removing `grouping`, which must sit at
 * three-digit boundaries of the integer part and never in the fraction.
 */
function splitExplicit(
  body: string,
  decimal: DecimalSeparator,
  grouping: DecimalSeparator | undefined,
  raw: string,
): { integer: string; fraction: string } | MoneyError {
  const parts = body.split(decimal);
  if (parts.length > 2) {
    return { kind: 'error', message: `${shown(raw)} has more than one decimal mark "${decimal}"` };
  }
  const [integerPart, fraction = ''] = parts;
  if (parts.length === 2 && fraction === '') {
    return { kind: 'error', message: `${shown(raw)} has no digits after its decimal mark` };
  }
  if (!/^\d*$/.test(fraction)) {
    return {
      kind: 'error',
      message: `${shown(raw)} has a thousands separator after its decimal mark`,
    };
  }
  let integer = integerPart;
  if (grouping !== undefined && integer.includes(grouping)) {
    const groups = integer.split(grouping);
    const [first, ...rest] = groups;
    if (!/^\d{1,3}$/.test(first) || rest.some((group) => !/^\d{3}$/.test(group))) {
      return {
        kind: 'error',
        message: `${shown(raw)} has a thousands separator "${grouping}" in the wrong place`,
      };
    }
    integer = groups.join('');
  }
  if (!/^\d+$/.test(integer)) {
    return { kind: 'error', message: `${shown(raw)} is not an amount` };
  }
  return { integer, fraction };
}

function toMinor(
  negative: boolean,
  integer: string,
  fraction: string,
  raw: string,
  options: ParseMoneyOptions,
): MoneyOk | MoneyError {
  const exponent = options.exponent;
  let kept = fraction;
  if (kept.length > exponent) {
    // Extra zeros (`25.00000`) carry no value; any other extra digit would need rounding.
    if (!/^0*$/.test(kept.slice(exponent))) {
      return {
        kind: 'error',
        message: `${shown(raw)} has more decimals than ${currencyName(options)} allows (${exponent})`,
      };
    }
    kept = kept.slice(0, exponent);
  }
  const digits = integer + kept.padEnd(exponent, '0');
  const magnitude = BigInt(digits);
  if (magnitude > MAX_MINOR) {
    return { kind: 'error', message: `${shown(raw)} is too large an amount` };
  }
  const value = Number(magnitude);
  return { kind: 'ok', minor: negative && value !== 0 ? -value : value };
}

function readWith(
  signed: SignedDigits,
  decimal: DecimalSeparator,
  grouping: DecimalSeparator | undefined,
  raw: string,
  options: ParseMoneyOptions,
): MoneyOk | MoneyError {
  const split = splitExplicit(signed.body, decimal, grouping, raw);
  if ('kind' in split) return split;
  return toMinor(signed.negative, split.integer, split.fraction, raw, options);
}

function other(separator: DecimalSeparator): DecimalSeparator {
  return separator === '.' ? ',' : '.';
}

function readAuto(signed: SignedDigits, raw: string, options: ParseMoneyOptions): MoneyResult {
  const body = signed.body;
  if (signed.wholeMark)
    return readWith(signed, signed.wholeMark, other(signed.wholeMark), raw, options);
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal: DecimalSeparator = lastDot > lastComma ? '.' : ',';
    return readWith(signed, decimal, other(decimal), raw, options);
  }
  if (lastDot < 0 && lastComma < 0) return toMinor(signed.negative, body, '', raw, options);

  const separator: DecimalSeparator = lastDot >= 0 ? '.' : ',';
  const occurrences = body.split(separator).length - 1;
  if (occurrences > 1) return readWith(signed, other(separator), separator, raw, options);
  const digitsAfter = body.length - body.indexOf(separator) - 1;
  if (digitsAfter !== 3) return readWith(signed, separator, other(separator), raw, options);

  const asGrouping = readWith(signed, other(separator), separator, raw, options);
  const asDecimal = readWith(signed, separator, other(separator), raw, options);
  // `1234.567` cannot be a thousands group, so only the decimal reading is left.
  if (asGrouping.kind === 'error') return asDecimal;
  return {
    kind: 'ambiguous',
    separator,
    asGrouping: asGrouping.minor,
    ...(asDecimal.kind === 'ok' ? { asDecimal: asDecimal.minor } : {}),
    message: `${shown(raw)} could use "${separator}" as thousands separator or as decimal mark: choose the decimal mark`,
  };
}

/** Finance research §3.4: one amount cell into signed minor units of a currency. */
export function parseMoney(raw: string, options: ParseMoneyOptions): MoneyResult {
  const signed = clean(raw, options.format);
  if ('kind' in signed) return signed;
  if (options.format === 'ofx') {
    // OFX allows `.` or `,` as its decimal mark and never groups thousands (OFX 1.6 §3.2.9.1).
    const separators = signed.body.replace(/\d/g, '');
    if (separators.length > 1) {
      return { kind: 'error', message: `${shown(raw)} is not an OFX amount` };
    }
    return readWith(signed, separators === ',' ? ',' : '.', undefined, raw, options);
  }
  if (options.decimal === 'auto') return readAuto(signed, raw, options);
  if (signed.wholeMark !== undefined && signed.wholeMark !== options.decimal) {
    return {
      kind: 'error',
      message: `${shown(raw)} ends in "${signed.wholeMark}-" but the decimal mark is "${options.decimal}"`,
    };
  }
  return readWith(signed, options.decimal, other(options.decimal), raw, options);
}
