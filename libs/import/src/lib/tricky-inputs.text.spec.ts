import { readFixture } from '../testing/read-fixture';
import type { ImportOptions } from './model/import-options';
import { parseMoneyColumn } from './money/parse-money-column';
import { parseMoney, type ParseMoneyOptions } from './money/parse-money';
import { readStatement } from './read-statement';
import { decodeBytes } from './text/decode-bytes';

/**
 * Research §3.7, the rows about text: amounts, CSV columns, dates, encodings and preambles.
 * (OFX and QIF rows are proven beside their readers; dedup rows beside the matcher.)
 */
const EUR = (decimal: ParseMoneyOptions['decimal']): ParseMoneyOptions => ({
  decimal,
  exponent: 2,
  format: 'csv',
  currency: 'EUR',
});
const ok = (minor: number) => ({ kind: 'ok', minor });
const csv = (text: string, options: ImportOptions = {}, currency = 'EUR') =>
  readStatement(new TextEncoder().encode(text), 'statement.csv', options, currency);
const firstLine = (text: string, options?: ImportOptions) => {
  const { line, date, amountMinor, error } = csv(text, options).lines[0];
  return { line, date, amountMinor, error };
};

const ROWS: readonly [string, () => unknown, unknown][] = [
  ['1: 1.234,56 (decimal ,) is 123456', () => parseMoney('1.234,56', EUR(',')), ok(123456)],
  ['2: 1,234.56 (decimal .) is 123456', () => parseMoney('1,234.56', EUR('.')), ok(123456)],
  ['3: 1.234 (decimal ,) is 123400', () => parseMoney('1.234', EUR(',')), ok(123400)],
  [
    '4: 1.234 (decimal ., EUR) is an error',
    () => parseMoney('1.234', EUR('.')),
    { kind: 'error', message: '1.234 has more decimals than EUR allows (2)' },
  ],
  [
    '5: 1.234 (auto, column also has 5,99) is 123400',
    () => parseMoneyColumn(['1.234', '5,99'], EUR('auto')).results[0],
    ok(123400),
  ],
  [
    '6: 1.234 (decimal ., KWD exponent 3) is 1234',
    () => parseMoney('1.234', { decimal: '.', exponent: 3, format: 'csv', currency: 'KWD' }),
    ok(1234),
  ],
  ['7: (12.50) is -1250', () => parseMoney('(12.50)', EUR('auto')), ok(-1250)],
  ['8: −12.50 with U+2212 is -1250', () => parseMoney('\u221212.50', EUR('auto')), ok(-1250)],
  ['9: 12.50- is -1250', () => parseMoney('12.50-', EUR('auto')), ok(-1250)],
  [
    '10: 1 234,56 with U+202F is 123456',
    () => parseMoney('1\u202f234,56', EUR('auto')),
    ok(123456),
  ],
  [
    '10: 1 234,56 with U+00A0 is 123456',
    () => parseMoney('1\u00a0234,56', EUR('auto')),
    ok(123456),
  ],
  ["11: 1'234.56 is 123456", () => parseMoney("1'234.56", EUR('auto')), ok(123456)],
  ['12: € 1.000,- is 100000', () => parseMoney('€ 1.000,-', EUR('auto')), ok(100000)],
  ['13: 25.00000 is 2500', () => parseMoney('25.00000', EUR('auto')), ok(2500)],
  [
    '16: 1,234 (JPY exponent 0, auto) is 1234',
    () =>
      parseMoneyColumn(['1,234'], { decimal: 'auto', exponent: 0, format: 'csv', currency: 'JPY' })
        .results[0],
    ok(1234),
  ],
  [
    '17: 1234.5 (JPY) is an error',
    () => parseMoney('1234.5', { decimal: 'auto', exponent: 0, format: 'csv', currency: 'JPY' }),
    { kind: 'error', message: '1234.5 has more decimals than JPY allows (0)' },
  ],
  [
    '18: debit 45.00, credit empty is -4500',
    () => firstLine('Date,Debit,Credit\n2025-12-01,45.00,\n'),
    { line: 2, date: '2025-12-01', amountMinor: -4500, error: undefined },
  ],
  [
    '19: debit 45.00, credit 10.00 is a row error',
    () => firstLine('Date,Debit,Credit\n2025-12-01,45.00,10.00\n'),
    {
      line: 2,
      date: '2025-12-01',
      amountMinor: undefined,
      error: 'Both "Credit" (10.00) and "Debit" (45.00) have an amount',
    },
  ],
  [
    '20: an empty amount is a row error, the line kept',
    () => firstLine('Date;Betrag\n01.12.2025;\n02.12.2025;5,00\n'),
    {
      line: 2,
      date: '2025-12-01',
      amountMinor: undefined,
      error: 'There is no amount in column "Betrag"',
    },
  ],
  [
    '20: an amount of - is a row error, the line kept',
    () => firstLine('Date;Betrag\n01.12.2025;-\n02.12.2025;5,00\n'),
    { line: 2, date: '2025-12-01', amountMinor: undefined, error: '- is not an amount' },
  ],
  [
    '21: 01/02/2024 in a column that also has 13/02/2024 is 2024-02-01',
    () => {
      const { lines, detected } = csv('Date,Amount\n01/02/2024,1.00\n13/02/2024,2.00\n');
      return [lines[0].date, detected?.dateFormat];
    },
    ['2024-02-01', 'DD/MM/YYYY'],
  ],
  [
    '22: 01/02/2024 in a column of values all at most 12: the preview asks',
    () => {
      const { lines, ambiguities } = csv('Date,Amount\n01/02/2024,1.00\n03/04/2024,2.00\n');
      return { ambiguities, date: lines[0].date, rawDate: lines[0].rawDate, error: lines[0].error };
    },
    {
      ambiguities: { dateFormats: ['DD/MM/YYYY', 'MM/DD/YYYY'] },
      date: undefined,
      rawDate: '01/02/2024',
      error:
        '01/02/2024 could be DD/MM/YYYY (2024-02-01) or MM/DD/YYYY (2024-01-02): choose the date format',
    },
  ],
  [
    '26: UTF-16LE with BOM, Hungarian headers, 2025.12.04, 100 HUF',
    () => {
      const statement = readStatement(readFixture('hu-utf-16le-bom.csv'), 'x.csv', {}, 'HUF');
      const { date, amountMinor } = statement.lines[0];
      return { encoding: statement.encoding, header: statement.columns?.[0], date, amountMinor };
    },
    { encoding: 'utf-16le', header: 'Könyvelés dátuma', date: '2025-12-04', amountMinor: 10000 },
  ],
  [
    '27: CSV labelled iso-8859-1 with byte 0x80 reads €',
    () => decodeBytes(Uint8Array.from([0x80]), 'iso-8859-1'),
    { text: '€', encoding: 'windows-1252' },
  ],
  [
    '32: semicolons after 5 preamble lines: skip 5 start lines, delimiter ;',
    () => {
      const text = [
        '"Kontonummer:";"DE02 1203 0000 0000 2020 51";',
        '"Von:";"01.11.2025";',
        '"Bis:";"30.11.2025";',
        '"Kontostand vom 30.11.2025:";"1.234,56 EUR";',
        '',
        '"Buchungstag";"Empfänger";"Betrag (EUR)";',
        '"03.11.2025";"REWE";"-54,23";',
      ].join('\n');
      const { detected, lines } = csv(text);
      return {
        delimiter: detected?.delimiter,
        skipStartLines: detected?.skipStartLines,
        line: lines[0].line,
        amountMinor: lines[0].amountMinor,
      };
    },
    { delimiter: ';', skipStartLines: 5, line: 7, amountMinor: -5423 },
  ],
];

describe('tricky inputs (research §3.7), text side', () => {
  it.each(ROWS)('%s', (_, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});
