import { MAX_MONEY_MINOR } from '@finwise/domain';

export type MoneyParseResult = { ok: true; minor: number } | { ok: false; error: string };

export interface MoneyParseOptions {
  /** Minor-unit digits of the currency (2 for EUR, 0 for JPY). */
  minorDigits: number;
  /** The user's decimal separator; decides "1,234" (grouping in en) versus "1,5" (decimal in de). */
  decimalSeparator?: string;
}

const MAX_MINOR_DIGITS = String(MAX_MONEY_MINOR);
const IGNORED = /[\s\u00a0\u202f'’]/g;

/**
 * Turns what a person typed ("1.234,56", "-12.5", "12", "(3.10)") into integer minor units.
 * Works on the digit string only: multiplying a parsed float by 100 would turn 0.29 into 28.999….
 * Refuses rather than rounds: more decimals than the currency has is an error, not a guess.
 */
export function parseMoney(text: string, options: MoneyParseOptions): MoneyParseResult {
  let rest = text.replace(/\u2212/g, '-').replace(IGNORED, '');
  if (rest === '') {
    return fail('Enter an amount.');
  }
  let negative = false;
  if (rest.startsWith('(') && rest.endsWith(')')) {
    negative = true;
    rest = rest.slice(1, -1);
  }
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = negative !== rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (!/^[0-9.,]+$/.test(rest) || !/[0-9]/.test(rest)) {
    return fail('Enter a number such as -12.50.');
  }

  const decimal = decimalSeparatorOf(rest, options.decimalSeparator ?? '.');
  const [integerText, fractionText = '', ...extra] =
    decimal === null ? [rest] : rest.split(decimal);
  if (extra.length > 0) {
    return fail('Enter a number such as -12.50.');
  }
  const integerDigits = ungroup(integerText);
  if (integerDigits === null || /[.,]/.test(fractionText)) {
    return fail('Check the thousands separators, e.g. 1,234.50.');
  }
  const fraction =
    fractionText.length > options.minorDigits ? fractionText.replace(/0+$/, '') : fractionText;
  if (fraction.length > options.minorDigits) {
    return fail(
      options.minorDigits === 0
        ? 'This currency has no decimal places.'
        : `Use at most ${options.minorDigits} decimal places.`,
    );
  }

  const minorText = (integerDigits + fraction.padEnd(options.minorDigits, '0')).replace(
    /^0+(?=\d)/,
    '',
  );
  if (isLarger(minorText, MAX_MINOR_DIGITS)) {
    return fail('That amount is too large.');
  }
  const minor = Number(minorText);
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/** Which of "." and "," separates decimals here, or null when the text has only grouping. */
function decimalSeparatorOf(digits: string, preferred: string): string | null {
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    return lastDot > lastComma ? '.' : ',';
  }
  const separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (separator === null || digits.indexOf(separator) !== digits.lastIndexOf(separator)) {
    return null;
  }
  // One separator: the user's own decimal mark is decimal; a foreign one before exactly three
  // digits is grouping ("1,234" typed in Germany is still one thousand two hundred thirty-four).
  const digitsAfter = digits.length - digits.lastIndexOf(separator) - 1;
  return separator === preferred || digitsAfter !== 3 ? separator : null;
}

/** Digits of an integer part with grouping removed; null when the groups look wrong ("1,23,4"). */
function ungroup(integerText: string): string | null {
  if (integerText === '') {
    return '0';
  }
  const groups = integerText.split(/[.,]/);
  if (groups.length === 1) {
    return integerText;
  }
  const [first, ...others] = groups;
  const last = others[others.length - 1];
  const western = others.every((group) => group.length === 3);
  // Indian grouping: 1,00,00,000.
  const indian = last.length === 3 && others.slice(0, -1).every((group) => group.length === 2);
  if (first.length === 0 || first.length > 3 || !(western || indian)) {
    return null;
  }
  return groups.join('');
}

function isLarger(digits: string, limit: string): boolean {
  return digits.length !== limit.length ? digits.length > limit.length : digits > limit;
}

function fail(error: string): MoneyParseResult {
  return { ok: false, error };
}
