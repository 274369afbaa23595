import { dateFormatsOf } from '../dates/parse-date';
import { readDateColumn, type DateResult } from '../dates/read-date-column';
import type { DateFormat } from '../model/import-options';
import { ImportFileError } from '../model/statement';
import { normaliseQifDate } from './qif-date';

/** A record's `D` value (absent when the record has none) and the line it is on. */
export interface QifDateField {
  readonly raw?: string;
  readonly line: number;
}

export interface QifDates {
  /** One per field; `undefined` where the record has no date. */
  readonly results: readonly (DateResult | undefined)[];
  readonly format?: DateFormat;
  readonly ambiguous?: readonly DateFormat[];
}

/**
 * The dates of a QIF file read as one column (research §3.2): one layout for the whole file,
 * inferred from every record unless the user chose one. A file whose records need different
 * layouts is refused, naming the first record that breaks the layout of those before it; a value
 * that is no date in any layout is an error of its own record only.
 */
export function readQifDates(fields: readonly QifDateField[], chosen?: DateFormat): QifDates {
  const values = fields.map((field) =>
    field.raw === undefined ? '' : normaliseQifDate(field.raw),
  );
  const readable = values.map((value) => value !== '' && dateFormatsOf(value).length > 0);
  if (chosen === undefined) refuseMixedLayouts(fields, values, readable);

  const results: (DateResult | undefined)[] = values.map((value, index) => {
    if (value === '') return undefined;
    return { kind: 'error', message: `${fields[index].raw?.trim()} is not a date` };
  });
  const readIndexes = values.flatMap((value, index) =>
    value !== '' && (chosen !== undefined || readable[index]) ? [index] : [],
  );
  if (readIndexes.length === 0) return { results };
  const column = readDateColumn(
    readIndexes.map((index) => values[index]),
    chosen,
  );
  readIndexes.forEach((index, position) => {
    results[index] = column.results[position];
  });
  return {
    results,
    ...(column.format !== undefined ? { format: column.format } : {}),
    ...(column.ambiguous !== undefined ? { ambiguous: column.ambiguous } : {}),
  };
}

function refuseMixedLayouts(
  fields: readonly QifDateField[],
  values: readonly string[],
  readable: readonly boolean[],
): void {
  let layouts: readonly DateFormat[] | undefined;
  values.forEach((value, index) => {
    if (!readable[index]) return;
    const fitting = dateFormatsOf(value).filter((format) => layouts?.includes(format) ?? true);
    if (fitting.length === 0) {
      throw new ImportFileError(
        `the date ${fields[index].raw?.trim()} does not fit the layout of the dates before it ` +
          `(${(layouts ?? []).join(' or ')}): the file mixes date layouts`,
        fields[index].line,
      );
    }
    layouts = fitting;
  });
}
