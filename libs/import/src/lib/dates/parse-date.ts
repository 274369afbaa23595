import { DATE_FORMATS, type DateFormat } from '../model/import-options';

type Part = 'year' | 'year2' | 'month' | 'day';

interface Layout {
  readonly pattern: RegExp;
  readonly parts: readonly [Part, Part, Part];
}

/** A time of day some banks append (`2025-12-04 10:22:31`, `…T10:22Z`); the date is kept as written. */
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;

/**
 * Day and month may have one digit wherever a separator ends them (`4.12.2025`, `1/2/24`); the
 * compact `YYYYMMDD` needs all eight digits. Hungarian banks end `YYYY.MM.DD.` with a dot.
 */
function layout(source: string, parts: Layout['parts']): Layout {
  return { pattern: new RegExp(`^${source}${TIME}$`), parts };
}

const D = String.raw`(\d{1,2})`;
const Y4 = String.raw`(\d{4})`;
const Y2 = String.raw`(\d{2})`;

const LAYOUTS: Readonly<Record<DateFormat, Layout>> = {
  'YYYY-MM-DD': layout(`${Y4}-${D}-${D}`, ['year', 'month', 'day']),
  YYYYMMDD: layout(String.raw`(\d{4})(\d{2})(\d{2})`, ['year', 'month', 'day']),
  'YYYY.MM.DD': layout(String.raw`${Y4}\.${D}\.${D}\.?`, ['year', 'month', 'day']),
  'YYYY/MM/DD': layout(`${Y4}/${D}/${D}`, ['year', 'month', 'day']),
  'DD.MM.YYYY': layout(String.raw`${D}\.${D}\.${Y4}`, ['day', 'month', 'year']),
  'DD.MM.YY': layout(String.raw`${D}\.${D}\.${Y2}`, ['day', 'month', 'year2']),
  'DD/MM/YYYY': layout(`${D}/${D}/${Y4}`, ['day', 'month', 'year']),
  'DD/MM/YY': layout(`${D}/${D}/${Y2}`, ['day', 'month', 'year2']),
  'DD-MM-YYYY': layout(`${D}-${D}-${Y4}`, ['day', 'month', 'year']),
  'MM/DD/YYYY': layout(`${D}/${D}/${Y4}`, ['month', 'day', 'year']),
  'MM/DD/YY': layout(`${D}/${D}/${Y2}`, ['month', 'day', 'year2']),
  'MM-DD-YYYY': layout(`${D}-${D}-${Y4}`, ['month', 'day', 'year']),
};

/** Years a bank statement can plausibly hold; keeps eight-digit references out of `YYYYMMDD`. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/**
 * A two-digit year 00–69 is 2000–2069 and 70–99 is 1970–1999 (the POSIX `%y` pivot). It is fixed
 * rather than relative to today so the same file reads the same on every device and every day.
 */
export function centuryOf(twoDigitYear: number): number {
  return twoDigitYear < 70 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` for a real calendar date, from plain integers (no `Date`, so no time zone). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > days) return undefined;
  const pad = (value: number, width: number) => value.toString().padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `raw` read in `format` as `YYYY-MM-DD`, or `undefined` when it is not a real date in that layout. */
export function parseDate(raw: string, format: DateFormat): string | undefined {
  const { pattern, parts } = LAYOUTS[format];
  const match = pattern.exec(raw.trim());
  if (!match) return undefined;
  let year = 0;
  let month = 0;
  let day = 0;
  parts.forEach((part, index) => {
    const value = Number.parseInt(match[index + 1], 10);
    if (part === 'year') year = value;
    else if (part === 'year2') year = centuryOf(value);
    else if (part === 'month') month = value;
    else day = value;
  });
  return isoDate(year, month, day);
}

/** The layouts `raw` is a real date in, in `DATE_FORMATS` order. */
export function dateFormatsOf(raw: string): DateFormat[] {
  return DATE_FORMATS.filter((format) => parseDate(raw, format) !== undefined);
}
