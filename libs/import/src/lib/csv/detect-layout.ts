import { dateFormatsOf } from '../dates/parse-date';
import type { ImportOptions } from '../model/import-options';
import { parseMoney } from '../money/parse-money';
import { dataWidth, detectDelimiter } from './detect-delimiter';
import { isComplete, mapHeader } from './header-names';
import { dropStartLines, isBlank, newlineOf, parseRecords, type CsvRecord } from './parse-records';

/** Where a CSV file's table is: what to skip around it, its header, its transaction rows. */
export interface CsvLayout {
  readonly delimiter: string;
  readonly skipStartLines: number;
  readonly skipEndLines: number;
  readonly hasHeader: boolean;
  readonly header?: CsvRecord;
  /** Non-blank records between the header (or the skipped start) and the footer. */
  readonly rows: readonly CsvRecord[];
  /** Cells in a transaction row (the header may name fewer or more). */
  readonly width: number;
}

/** German banks put 4–8 lines of account details first; a header further down is not one. */
const HEADER_SEARCH_RECORDS = 50;
/** Closing balances and totals; more trailing odd rows than this are data, not a footer. */
const FOOTER_SEARCH_RECORDS = 10;

/**
 * Finds the table in a delimited file. Explicit options win; otherwise the header is the first
 * record whose names map a date and an amount column, or else the first record as wide as the
 * data block (a header when none of its cells is a date or a number). Trailing records narrower
 * or wider than the data block are the footer. `skipEndLines` counts lines up from the last
 * non-blank line, so trailing blank lines never matter.
 */
export function detectLayout(
  text: string,
  options: ImportOptions,
  defaultDelimiter?: string,
): CsvLayout {
  const newline = newlineOf(text);
  const body = dropStartLines(text, options.skipStartLines ?? 0, newline);
  const delimiter = options.delimiter ?? defaultDelimiter ?? detectDelimiter(body.text, newline);
  const records = parseRecords(body.text, delimiter, newline, body.firstLine).filter(
    (record) => !isBlank(record),
  );
  const width = dataWidth(records);
  if (records.length === 0) {
    return {
      delimiter,
      skipStartLines: options.skipStartLines ?? 0,
      skipEndLines: options.skipEndLines ?? 0,
      hasHeader: options.hasHeader ?? false,
      rows: [],
      width,
    };
  }

  let start = 0;
  let namedHeader = false;
  if (options.skipStartLines === undefined) {
    const named = records
      .slice(0, HEADER_SEARCH_RECORDS)
      .findIndex((record) => isComplete(mapHeader(record.cells)));
    namedHeader = named >= 0;
    start = namedHeader
      ? named
      : Math.max(
          0,
          records.findIndex((r) => r.cells.length === width),
        );
  } else {
    namedHeader = isComplete(mapHeader(records[0].cells));
  }
  const hasHeader = options.hasHeader ?? (namedHeader || looksLikeHeader(records[start]));
  const skipStartLines = options.skipStartLines ?? records[start].line - 1;

  const first = start + (hasHeader ? 1 : 0);
  const lastLine = records[records.length - 1].line;
  const skipEndLines = options.skipEndLines ?? footerLines(records, first, width, lastLine);
  const rows = records.slice(first).filter((record) => record.line <= lastLine - skipEndLines);
  return {
    delimiter,
    skipStartLines,
    skipEndLines,
    hasHeader,
    ...(hasHeader ? { header: records[start] } : {}),
    rows,
    width: Math.max(width, hasHeader ? records[start].cells.length : 0),
  };
}

function footerLines(
  records: readonly CsvRecord[],
  first: number,
  width: number,
  lastLine: number,
): number {
  let footer = records.length;
  while (
    footer - 1 > first &&
    records.length - footer < FOOTER_SEARCH_RECORDS &&
    records[footer - 1].cells.length !== width
  ) {
    footer -= 1;
  }
  if (footer === records.length || records.length - footer >= FOOTER_SEARCH_RECORDS) return 0;
  return lastLine - records[footer].line + 1;
}

/** A header row names columns: none of its cells reads as a date or a number. */
function looksLikeHeader(record: CsvRecord): boolean {
  const cells = record.cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return (
    cells.length > 0 &&
    cells.every(
      (cell) =>
        dateFormatsOf(cell).length === 0 &&
        parseMoney(cell, { decimal: 'auto', exponent: 4, format: 'csv' }).kind === 'error',
    )
  );
}
