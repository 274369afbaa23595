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
  // A statement repeats few distinct dates; each is matched against the layouts once.
  const distinct = [...new Set(values.filter((value) => value !== ''))];
  const layoutsOf = new Map(distinct.map((value) => [value, dateFormatsOf(value)] as const));
  const readable = (value: string) => (layoutsOf.get(value)?.length ?? 0) > 0;
  if (chosen === undefined) refuseMixedLayouts(fields, values, layoutsOf);

  const toRead = distinct.filter((value) => chosen !== undefined || readable(value));
  const column = toRead.length === 0 ? undefined : readDateColumn(toRead, chosen);
  const readings = new Map(toRead.map((value, index) => [value, column?.results[index]] as const));
  const results = values.map((value, index): DateResult | undefined => {
    if (value === '') return undefined;
    return (
      readings.get(value) ?? {
        kind: 'error',
        message: `${fields[index].raw?.trim()} is not a date`,
      }
    );
  });
  return {
    results,
    ...(column?.format !== undefined ? { format: column.format } : {}),
    ...(column?.ambiguous !== undefined ? { ambiguous: column.ambiguous } : {}),
  };
}

function refuseMixedLayouts(
  fields: readonly QifDateField[],
  values: readonly string[],
  layoutsOf: ReadonlyMap<string, readonly DateFormat[]>,
): void {
  let layouts: readonly DateFormat[] | undefined;
  values.forEach((value, index) => {
    const own = layoutsOf.get(value) ?? [];
    if (own.length === 0) return;
    const fitting = own.filter((format) => layouts?.includes(format) ?? true);
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
