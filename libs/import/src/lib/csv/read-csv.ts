import type { ReaderContext, StatementBody, StatementReader } from '../model/reader';
import { ImportFileError } from '../model/statement';
import { buildLines } from './build-lines';
import { isFinwiseExport, readFinwiseExport } from './finwise-export';
import { detectLayout } from './detect-layout';
import { findCurrencyColumn } from './header-names';
import { columnNames, resolveColumns, toColumnMapping } from './resolve-columns';

/**
 * CSV and TSV (FINANCE §5): finds the table (delimiter, preamble, header, footer), maps the
 * columns from English or German header names unless `options.columns` says otherwise, and
 * reads every row into a line. A file whose columns cannot be mapped comes back with
 * `needsMapping` and its column names, and no lines.
 */
function readDelimited(
  text: string,
  context: ReaderContext,
  defaultDelimiter?: string,
): StatementBody {
  const { options } = context;
  // A caller that decoded the bytes itself may have kept the BOM.
  const layout = detectLayout(text.replace(/^\uFEFF/, ''), options, defaultDelimiter);
  if (layout.rows.length === 0 && layout.header === undefined) {
    throw new ImportFileError('The file has no rows');
  }
  const names = columnNames(layout.header?.cells, layout.width);
  if (layout.hasHeader && !options.columns && isFinwiseExport(names)) {
    return {
      columns: names,
      detected: { delimiter: layout.delimiter, hasHeader: true },
      ...readFinwiseExport(layout.rows, names, context),
    };
  }
  const columns = resolveColumns(names, layout.hasHeader, options.columns);
  const detected = {
    delimiter: layout.delimiter,
    hasHeader: layout.hasHeader,
    skipStartLines: layout.skipStartLines,
    skipEndLines: layout.skipEndLines,
  };
  if (columns === undefined) {
    return { columns: names, needsMapping: true, detected, lines: [] };
  }

  const currencyColumn = layout.hasHeader ? findCurrencyColumn(names) : undefined;
  const read = buildLines(layout.rows, columns, names, context, currencyColumn);
  const ambiguities = {
    ...(read.dateFormats ? { dateFormats: read.dateFormats } : {}),
    ...(read.decimals ? { decimal: read.decimals } : {}),
  };
  return {
    columns: names,
    detected: {
      ...detected,
      columns: options.columns ?? toColumnMapping(columns, names),
      ...(read.dateFormat ? { dateFormat: read.dateFormat } : {}),
      ...(read.decimal ? { decimal: read.decimal } : {}),
    },
    ...(Object.keys(ambiguities).length > 0 ? { ambiguities } : {}),
    lines: read.lines,
  };
}

export const readCsv: StatementReader = (text, context) => readDelimited(text, context);

/** TSV is CSV with a tab delimiter unless the options name another. */
export const readTsv: StatementReader = (text, context) => readDelimited(text, context, '\t');
