import type { ImportOptions } from './import-options';
import type { ParsedStatement } from './statement';

/** What every format reader gets besides the decoded text. */
export interface ReaderContext {
  readonly options: ImportOptions;
  /** ISO 4217 code of the target account: its exponent decides how amounts are read. */
  readonly currency: string;
  /** `currencyExponent(currency)` from @finwise/domain. */
  readonly exponent: number;
}

/** A format reader's result; `readStatement` adds the format and encoding. */
export type StatementBody = Omit<ParsedStatement, 'format' | 'encoding'>;

/** Reads one format's decoded text. Throws `ImportFileError` for a file it cannot read at all. */
export type StatementReader = (text: string, context: ReaderContext) => StatementBody;
