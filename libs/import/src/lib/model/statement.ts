import type { ColumnMapping, DateFormat, ImportFormat } from './import-options';

/**
 * One split line of a QIF record (`S`/`E`/`$`). Amounts are signed minor units of the account's
 * currency, like the record's own.
 */
export interface StatementSplit {
  readonly amountMinor: number;
  readonly categoryName?: string;
  readonly categoryGroup?: string;
  /** `[Account]` in the split's category: a transfer to the named account. */
  readonly transferAccountName?: string;
  readonly notes?: string;
}

/**
 * One transaction read from a bank file, after dates and amounts were interpreted. `line` is the
 * 1-based line of the file the record starts on; the preview and every error message name it.
 * A record that could not be read carries `error` (and whatever could be read).
 */
export interface StatementLine {
  readonly line: number;
  /** `YYYY-MM-DD`, never shifted by a time zone. */
  readonly date?: string;
  /** The date as the file wrote it, shown beside the interpreted one. */
  readonly rawDate?: string;
  /** Signed: negative = money leaving the account. */
  readonly amountMinor?: number;
  readonly rawAmount?: string;
  readonly payee?: string;
  readonly notes?: string;
  /** The bank's own id (OFX `FITID`, a mapped CSV id column); absent in QIF and most CSV. */
  readonly bankId?: string;
  /** QIF `L`: `Group:Category` is split into group and category. */
  readonly categoryName?: string;
  readonly categoryGroup?: string;
  /** QIF `L[Account]`: a transfer to the named account. */
  readonly transferAccountName?: string;
  /** QIF `C`: `*` cleared, `X`/`R` reconciled. Absent = the import's default (cleared). */
  readonly cleared?: boolean;
  readonly splits?: readonly StatementSplit[];
  readonly error?: string;
  /**
   * Something the reader changed to read the line that the user should check (an OFX amount
   * with a currency sign dropped). The line still imports; the preview shows the text.
   */
  readonly warning?: string;
}

/** What the readers make of a file before it is compared with the account's rows. */
export interface ParsedStatement {
  readonly format: ImportFormat;
  /** The encoding the bytes were read as (WHATWG label, e.g. `utf-8`, `utf-16le`, `windows-1252`). */
  readonly encoding: string;
  /** CSV: the column names (header cells, or `Column 1`… without a header row). */
  readonly columns?: readonly string[];
  /** CSV whose header names no date or no amount column: the user must map columns. */
  readonly needsMapping?: boolean;
  /** The CSV options the reader settled on, so the app can show and remember them. */
  readonly detected?: {
    readonly delimiter?: string;
    readonly hasHeader?: boolean;
    readonly skipStartLines?: number;
    readonly skipEndLines?: number;
    readonly columns?: ColumnMapping;
    readonly dateFormat?: DateFormat;
    readonly decimal?: '.' | ',';
  };
  /** Choices the reader would not make alone; the user picks, never a guess. */
  readonly ambiguities?: {
    readonly dateFormats?: readonly DateFormat[];
    readonly decimal?: readonly ('.' | ',')[];
  };
  /** OFX `BANKID:ACCTID` / `ACCTID`, QIF `!Account` name: suggests the target account. */
  readonly accountHint?: string;
  readonly lines: readonly StatementLine[];
}

/**
 * A file that cannot be read at all (unknown format, binary, truncated OFX, CSV without a date or
 * amount column after mapping): the whole import stops with this message, naming the line.
 */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.name = 'ImportFileError';
  }
}
