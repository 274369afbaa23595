import { DATE_FORMATS, type DateFormat } from '../model/import-options';
import { inferDateFormats } from './infer-date-formats';
import { parseDate } from './parse-date';

export type DateResult =
  | { readonly kind: 'ok'; readonly date: string }
  /** The value reads as different days in the layouts the column allows: the user picks one. */
  | {
      readonly kind: 'ambiguous';
      readonly formats: readonly DateFormat[];
      readonly message: string;
    }
  | { readonly kind: 'error'; readonly message: string };

export interface DateColumn {
  /** One result per value, in order; an empty value is an `error`. */
  readonly results: readonly DateResult[];
  /** The layout the column was read with, when it was given or only one fits. */
  readonly format?: DateFormat;
  /** The layouts that fit every value yet read some value differently: the preview asks. */
  readonly ambiguous?: readonly DateFormat[];
}

/**
 * Reads a date column (CSV, QIF) with `format`, or infers the layout from all values. When no
 * layout fits every value, the one that fits most wins and the values it cannot read become
 * errors naming themselves; a tie means the column mixes layouts, which only the user can settle.
 */
export function readDateColumn(values: readonly string[], format?: DateFormat): DateColumn {
  if (format !== undefined) return { results: readWith(values, format, ''), format };

  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  const fitting = inferDateFormats(present);
  if (present.length > 0 && fitting.length === 0) return readBestFit(values, present);
  if (present.length === 0) return { results: values.map(emptyDate) };
  if (fitting.length === 1) {
    return { results: readWith(values, fitting[0], ''), format: fitting[0] };
  }

  let disagreement = false;
  const results = values.map((value): DateResult => {
    if (value.trim() === '') return emptyDate();
    const readings = fitting.map((candidate) => parseDate(value, candidate));
    const first = readings[0] as string;
    if (readings.every((reading) => reading === first)) return { kind: 'ok', date: first };
    disagreement = true;
    return {
      kind: 'ambiguous',
      formats: fitting,
      message: `${value.trim()} could be ${fitting
        .map((candidate) => `${candidate} (${parseDate(value, candidate)})`)
        .join(' or ')}: choose the date format`,
    };
  });
  return disagreement ? { results, ambiguous: fitting } : { results };
}

function readBestFit(values: readonly string[], present: readonly string[]): DateColumn {
  const counts = DATE_FORMATS.map(
    (candidate) => present.filter((value) => parseDate(value, candidate) !== undefined).length,
  );
  const most = Math.max(...counts);
  const best = DATE_FORMATS.filter((_, index) => counts[index] === most);
  if (most === 0) {
    return {
      results: values.map((value) => (value.trim() === '' ? emptyDate() : notADate(value))),
    };
  }
  if (best.length === 1) {
    return {
      results: readWith(values, best[0], ' like the rest of the column'),
      format: best[0],
    };
  }
  const message = `The dates in this column mix layouts (${best.join(', ')}): choose the date format`;
  return {
    results: values.map((value): DateResult =>
      value.trim() === '' ? emptyDate() : { kind: 'error', message: `${value.trim()}: ${message}` },
    ),
    ambiguous: best,
  };
}

function readWith(values: readonly string[], format: DateFormat, reason: string): DateResult[] {
  return values.map((value): DateResult => {
    if (value.trim() === '') return emptyDate();
    const date = parseDate(value, format);
    if (date !== undefined) return { kind: 'ok', date };
    return { kind: 'error', message: `${value.trim()} is not a date in ${format}${reason}` };
  });
}

function emptyDate(): DateResult {
  return { kind: 'error', message: 'The date is empty' };
}

function notADate(value: string): DateResult {
  return { kind: 'error', message: `${value.trim()} is not a date` };
}
