import type { ImportOptions } from '../model/import-options';
import { ImportFileError } from '../model/statement';
import { readCsv } from './read-csv';

const read = (text: string, options: ImportOptions = {}, currency = 'EUR', exponent = 2) =>
  readCsv(text, { options, currency, exponent });

describe('readCsv', () => {
  it('asks for a mapping for a file without a header row, naming columns by position', () => {
    expect(read('2025-12-01,Shop,1.00\n2025-12-02,Cafe,2.00\n')).toEqual({
      columns: ['Column 1', 'Column 2', 'Column 3'],
      needsMapping: true,
      detected: { delimiter: ',', hasHeader: false, skipStartLines: 0, skipEndLines: 0 },
      lines: [],
    });
  });

  it('reads a file without a header row with columns mapped by position', () => {
    const statement = read('2025-12-01,Shop,1.00\n2025-12-02,Cafe,-2.00\n', {
      hasHeader: false,
      columns: { date: 0, payee: 'Column 2', amount: 2 },
    });
    expect(statement.lines).toEqual([
      {
        line: 1,
        date: '2025-12-01',
        rawDate: '2025-12-01',
        amountMinor: 100,
        rawAmount: '1.00',
        payee: 'Shop',
      },
      {
        line: 2,
        date: '2025-12-02',
        rawDate: '2025-12-02',
        amountMinor: -200,
        rawAmount: '-2.00',
        payee: 'Cafe',
      },
    ]);
    expect(statement.detected?.columns).toEqual({ date: 0, payee: 'Column 2', amount: 2 });
  });

  it('says which numbered column is missing', () => {
    expect(() => read('a,b\n1,2\n', { columns: { date: 0, amount: 5 } })).toThrow(
      new ImportFileError('Column 6 is not in the file: it has 2 columns'),
    );
  });

  it('reports an undecidable decimal mark and makes its rows errors', () => {
    const statement = read('Date,Amount\n2025-12-01,1.000\n2025-12-02,12\n');
    expect(statement.ambiguities).toEqual({ decimal: ['.', ','] });
    expect(statement.detected?.decimal).toBeUndefined();
    expect(statement.lines[0].error).toBe(
      '1.000 could use "." as thousands separator or as decimal mark: choose the decimal mark',
    );
    expect(statement.lines[1]).toMatchObject({ amountMinor: 1200 });
    expect(statement.lines[1].error).toBeUndefined();
  });

  it('uses the decimal mark and date format the options give', () => {
    const statement = read('Date,Amount\n01/02/2024,1.000\n', {
      decimal: '.',
      dateFormat: 'MM/DD/YYYY',
    });
    expect(statement.lines[0]).toMatchObject({ date: '2024-01-02', amountMinor: 100 });
    expect(statement.ambiguities).toBeUndefined();
  });

  it('reads the bank id column and falls back from payee to memo when asked', () => {
    const text = 'Date;Payee;Memo;Amount;Reference\n2025-12-01;;Rent;-500;TX-1\n';
    expect(read(text, { payeeFromMemo: true }).lines[0]).toMatchObject({
      payee: 'Rent',
      notes: 'Rent',
      bankId: 'TX-1',
    });
    expect(read(text).lines[0].payee).toBeUndefined();
  });

  it('keeps a row without a date as a line with an error naming the column', () => {
    const statement = read('Datum;Betrag\n;5,00\n02.12.2025;6,00\n');
    expect(statement.lines[0]).toEqual({
      line: 2,
      amountMinor: 500,
      rawAmount: '5,00',
      error: 'There is no date in column "Datum"',
    });
  });

  it('keeps a row whose date is not a date in the column layout as an error naming it', () => {
    const statement = read('Datum;Betrag\n01.12.2025;5,00\n02.12.2025;6,00\n2025-12-03;7,00\n');
    expect(statement.lines[2].error).toBe(
      '2025-12-03 is not a date in DD.MM.YYYY like the rest of the column',
    );
  });

  it('counts lines through quoted cells with line breaks and blank lines', () => {
    const text = 'Date,Payee,Amount\n2025-12-01,"Two\nlines",1.00\n\n2025-12-02,B,2.00\n';
    expect(read(text).lines.map((line) => [line.line, line.payee])).toEqual([
      [2, 'Two\nlines'],
      [5, 'B'],
    ]);
  });

  it('keeps every amount exact whatever its size', () => {
    const statement = read('Date,Amount\n2025-12-01,"90,071,992,547,409.91"\n', {}, 'USD');
    expect(statement.lines[0].amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('makes a row in another currency than the account an error', () => {
    const text =
      'Datum;Betrag;Währung\n01.12.2025;5,00;EUR\n02.12.2025;6,00;usd\n03.12.2025;7,00;\n';
    expect(read(text).lines.map((line) => line.error)).toEqual([
      undefined,
      'The row is in USD, the account in EUR',
      undefined,
    ]);
  });
});
