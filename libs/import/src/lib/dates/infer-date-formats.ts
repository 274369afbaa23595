import { DATE_FORMATS, type DateFormat } from '../model/import-options';
import { parseDate } from './parse-date';

/**
 * Research §3.2, per column: the layouts that read EVERY non-empty value as a real date. A first
 * field above 12 rules out month-first, a second above 12 rules out day-first; when every value
 * fits both, both are returned and the user picks. An empty result means the column mixes
 * layouts (or holds something that is not a date at all). A column without values fits every
 * layout.
 */
export function inferDateFormats(values: readonly string[]): DateFormat[] {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  return DATE_FORMATS.filter((format) =>
    present.every((value) => parseDate(value, format) !== undefined),
  );
}
