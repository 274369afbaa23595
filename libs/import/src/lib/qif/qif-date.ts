/**
 * Rewrites a QIF date into a layout of `DATE_FORMATS` so the shared date inference reads it.
 * Quicken marks years from 2000 on with an apostrophe (`1/23'19` is 2019-01-23, `12/31/99` is
 * 1999) and pads with spaces (`1/ 5'24`); some exporters write `2024'01'02` year first.
 * Anything else is returned without its spaces, to be read (or refused) as written.
 */
export function normaliseQifDate(raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  const yearFirst = /^(\d{4})'(\d{1,2})'(\d{1,2})$/.exec(compact);
  if (yearFirst) return `${yearFirst[1]}/${yearFirst[2]}/${yearFirst[3]}`;
  const apostropheYear = /^(\d{1,2})([/.-])(\d{1,2})'(\d{1,2}|\d{4})$/.exec(compact);
  if (!apostropheYear) return compact;
  const [, first, separator, second, year] = apostropheYear;
  const fullYear = year.length === 4 ? year : String(2000 + Number.parseInt(year, 10));
  return `${first}${separator}${second}${separator}${fullYear}`;
}
