import { isBlank, parseRecords, type CsvRecord, type Newline } from './parse-records';

export const CSV_DELIMITERS = [';', ',', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Enough records to see past a bank's preamble into its transactions. */
const SAMPLE_RECORDS = 200;

/**
 * The delimiter that splits the most records into the same number (at least two) of cells. The
 * data block decides it, so preamble lines and `1.234,56` amounts do not: with `,` a German
 * file's amounts give rows of varying width, with `;` every transaction row has the header's
 * width. A tie goes to the wider rows (a `;` inside one quoted note of a comma file makes two
 * short rows, not fifteen-cell ones), then to the earlier of `; , \t |` (`;` first: `,` also
 * appears inside amounts).
 */
export function detectDelimiter(text: string, newline: Newline): CsvDelimiter {
  const sample = sampleLines(text, newline);
  let best: CsvDelimiter = ',';
  let bestScore = { rows: 0, width: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const score = consistentRows(parseRecords(sample, delimiter, newline));
    const better =
      score.rows > bestScore.rows ||
      (score.rows === bestScore.rows && score.rows > 0 && score.width > bestScore.width);
    if (better) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function sampleLines(text: string, newline: Newline): string {
  let end = -newline.length;
  for (let count = 0; count < SAMPLE_RECORDS; count += 1) {
    const next = text.indexOf(newline, end + newline.length);
    if (next < 0) return text;
    end = next;
  }
  return text.slice(0, end);
}

/** The most records sharing one width (at least two cells), and that width (the wider on a tie). */
function consistentRows(records: readonly CsvRecord[]): { rows: number; width: number } {
  const widths = new Map<number, number>();
  for (const record of records) {
    if (record.cells.length < 2 || isBlank(record)) continue;
    widths.set(record.cells.length, (widths.get(record.cells.length) ?? 0) + 1);
  }
  let best = { rows: 0, width: 0 };
  for (const [width, rows] of widths) {
    if (rows > best.rows || (rows === best.rows && width > best.width)) best = { rows, width };
  }
  return best;
}

/**
 * The width of the data block: the cell count most non-blank records share (the wider on a tie,
 * since preambles and footers are narrower than transactions).
 */
export function dataWidth(records: readonly CsvRecord[]): number {
  const widths = new Map<number, number>();
  for (const record of records) {
    if (isBlank(record)) continue;
    widths.set(record.cells.length, (widths.get(record.cells.length) ?? 0) + 1);
  }
  let width = 0;
  let most = 0;
  for (const [candidate, count] of widths) {
    if (count > most || (count === most && candidate > width)) {
      width = candidate;
      most = count;
    }
  }
  return width;
}
