import Papa from 'papaparse';

/** One CSV record: its cells as text (never typed) and the file line it starts on. */
export interface CsvRecord {
  /** 1-based line of the file; a quoted cell with line breaks makes the next record start later. */
  readonly line: number;
  readonly cells: readonly string[];
}

export type Newline = '\r\n' | '\n' | '\r';

export function newlineOf(text: string): Newline {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\n')) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** `text` without its first `count` lines, and the line number its first line had. */
export function dropStartLines(
  text: string,
  count: number,
  newline: Newline,
): { text: string; firstLine: number } {
  let offset = 0;
  let dropped = 0;
  while (dropped < count) {
    const next = text.indexOf(newline, offset);
    if (next < 0) return { text: '', firstLine: dropped + 2 };
    offset = next + newline.length;
    dropped += 1;
  }
  return { text: text.slice(offset), firstLine: count + 1 };
}

/**
 * Every record of `text` with its line number, cells kept as strings (papaparse's `dynamicTyping`
 * stays off, so no amount ever passes through a float). Blank lines are records without text.
 */
export function parseRecords(
  text: string,
  delimiter: string,
  newline: Newline,
  firstLine = 1,
): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = firstLine;
  let scanned = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (row) => {
      records.push({ line, cells: row.data });
      const end = row.meta.cursor;
      for (let at = text.indexOf(newline, scanned); at >= 0 && at < end;) {
        line += 1;
        scanned = at + newline.length;
        at = text.indexOf(newline, scanned);
      }
      scanned = Math.max(scanned, end);
    },
  });
  // papaparse reports the empty remainder after a final line break as a record of its own.
  const last = records.at(-1);
  if (last && isBlank(last) && text.endsWith(newline)) records.pop();
  return records;
}

export function isBlank(record: CsvRecord): boolean {
  return record.cells.every((cell) => cell.trim() === '');
}
