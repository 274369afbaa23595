import { currencyExponent } from '@finwise/domain';
import { readCsv, readTsv } from './csv/read-csv';
import type { ImportFormat, ImportOptions } from './model/import-options';
import type { StatementReader } from './model/reader';
import { readOfx } from './ofx/read-ofx';
import { readQif } from './qif/read-qif';
import { ImportFileError, type ParsedStatement } from './model/statement';
import { decodeBytes } from './text/decode-bytes';

const READERS: Readonly<Record<ImportFormat, StatementReader>> = {
  csv: readCsv,
  tsv: readTsv,
  ofx: readOfx,
  qfx: readOfx,
  qif: readQif,
};

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  csv: 'csv',
  tsv: 'tsv',
  ofx: 'ofx',
  qfx: 'qfx',
  qif: 'qif',
};

/**
 * A bank file's bytes to a statement (FINANCE §5): decode (`options.encoding` or detected), pick
 * the format (`options.format`, else the file name's extension, else the content), then read it
 * with the account currency's exponent. Throws `ImportFileError` for a file that cannot be read
 * at all; rows that cannot be read are lines with an `error`.
 */
export function readStatement(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
  currency: string,
): ParsedStatement {
  const { text, encoding } = decodeBytes(bytes, options.encoding);
  const format = options.format ?? formatOf(fileName, text);
  const body = READERS[format](text, { options, currency, exponent: currencyExponent(currency) });
  return { format, encoding, ...body };
}

/**
 * The extension decides, case-insensitively. `.txt` is what several banks call their CSV export,
 * unless its content is plainly OFX or QIF; any other extension is read only when the content
 * says what it is.
 */
export function formatOf(fileName: string, text: string): ImportFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  const known = BY_EXTENSION[extension];
  if (known !== undefined) return known;
  const sniffed = sniffFormat(text);
  if (sniffed !== undefined) return sniffed;
  if (extension === 'txt') return 'csv';
  throw new ImportFileError(
    `${fileName.trim() || 'This file'} is not a bank file FinWise can read (CSV, OFX, QFX or QIF)`,
  );
}

function sniffFormat(text: string): ImportFormat | undefined {
  const start = text.slice(0, 4096).trimStart();
  if (/^OFXHEADER\s*:/i.test(start) || /<OFX>/i.test(start)) return 'ofx';
  if (/^!Type:/i.test(start) || /^!Account/i.test(start)) return 'qif';
  return undefined;
}
