import { readFixture } from '../testing/read-fixture';
import { ImportFileError } from './model/statement';
import { formatOf, readStatement } from './read-statement';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readStatement', () => {
  it('reads a German giro export: preamble, footer, semicolons, 1.234,56, DD.MM.YYYY', () => {
    const statement = readStatement(readFixture('de-giro.csv'), 'Umsaetze.CSV', {}, 'EUR');
    expect(statement).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      detected: {
        delimiter: ';',
        hasHeader: true,
        skipStartLines: 6,
        skipEndLines: 1,
        dateFormat: 'DD.MM.YYYY',
        decimal: ',',
        columns: {
          date: 'Buchungstag',
          amount: 'Betrag (EUR)',
          payee: 'Auftraggeber / Begünstigter',
          notes: 'Verwendungszweck',
        },
      },
    });
    expect(statement.ambiguities).toBeUndefined();
    expect(statement.lines.map((line) => [line.line, line.date, line.amountMinor])).toEqual([
      [8, '2025-11-03', -5423],
      [9, '2025-11-05', 321000],
      [10, '2025-11-12', -123456],
      [11, '2025-11-15', -8900],
      [12, '2025-11-28', -999],
    ]);
    expect(statement.lines[3]).toEqual({
      line: 11,
      date: '2025-11-15',
      rawDate: '15.11.2025',
      amountMinor: -8900,
      rawAmount: '-89,00',
      payee: 'Stadtwerke München',
      notes: 'Abschlag Strom; Vertrag 55-120',
    });
  });

  it('imports a card export whose purchases are positive with flipSign', () => {
    const plain = readStatement(readFixture('us-card.csv'), 'activity.csv', {}, 'USD');
    const flipped = readStatement(
      readFixture('us-card.csv'),
      'activity.csv',
      { flipSign: true },
      'USD',
    );
    expect(plain.lines.map((line) => line.amountMinor)).toEqual([
      2399, 4510, -50000, 675, 1549, -2399,
    ]);
    expect(flipped.lines.map((line) => line.amountMinor)).toEqual([
      -2399, -4510, 50000, -675, -1549, 2399,
    ]);
    expect(flipped.detected).toMatchObject({
      delimiter: ',',
      dateFormat: 'MM/DD/YYYY',
      decimal: '.',
      columns: { date: 'Transaction Date', amount: 'Amount', payee: 'Description', notes: 'Memo' },
    });
    expect(flipped.lines[1]).toMatchObject({
      date: '2025-11-30',
      payee: 'SHELL OIL 5744, AUSTIN TX',
    });
    expect(flipped.lines[4]).toMatchObject({ payee: 'NETFLIX.COM', notes: 'monthly' });
  });

  it('reads debit and credit columns as credit minus debit, and names rows it cannot read', () => {
    const statement = readStatement(readFixture('debit-credit.csv'), 'export.csv', {}, 'GBP');
    expect(statement.detected?.columns).toEqual({
      date: 'Date',
      outflow: 'Debit',
      inflow: 'Credit',
      payee: 'Payee',
    });
    expect(
      statement.lines.map(({ line, amountMinor, error }) => ({ line, amountMinor, error })),
    ).toEqual([
      { line: 2, amountMinor: -125000, error: undefined },
      { line: 3, amountMinor: 400000, error: undefined },
      { line: 4, amountMinor: -450, error: undefined },
      { line: 5, amountMinor: 1200, error: undefined },
      {
        line: 6,
        amountMinor: undefined,
        error: 'Both "Credit" (10.00) and "Debit" (45.00) have an amount',
      },
      { line: 7, amountMinor: undefined, error: 'There is no amount in "Credit" or "Debit"' },
    ]);
  });

  it.each(['hu-utf-16le-bom.csv', 'hu-utf-16le.csv', 'hu-utf-16be-bom.csv', 'hu-utf-16be.csv'])(
    'reads the Hungarian UTF-16 export %s',
    (name) => {
      const statement = readStatement(readFixture(name), name, {}, 'HUF');
      expect(statement.encoding).toBe(name.includes('le') ? 'utf-16le' : 'utf-16be');
      expect(statement.columns).toEqual([
        'Könyvelés dátuma',
        'Partner neve',
        'Összeg',
        'Devizanem',
        'Közlemény',
      ]);
      expect(
        statement.lines.map(({ date, amountMinor, payee, notes }) => ({
          date,
          amountMinor,
          payee,
          notes,
        })),
      ).toEqual([
        { date: '2025-12-04', amountMinor: 10000, payee: 'Tavasz Kft.', notes: 'Számla 2025/114' },
        { date: '2025-12-05', amountMinor: -1234550, payee: 'Élelmiszer Bolt', notes: 'Vásárlás' },
        { date: '2025-12-08', amountMinor: 45000000, payee: 'Munkabér Zrt.', notes: 'Fizetés' },
      ]);
    },
  );

  it('reads windows-1252 with € and umlauts, detected or labelled iso-8859-1', () => {
    for (const options of [{}, { encoding: 'iso-8859-1' }]) {
      const statement = readStatement(
        readFixture('windows-1252.csv'),
        'umsatz.csv',
        options,
        'EUR',
      );
      expect(statement.encoding).toBe('windows-1252');
      expect(
        statement.lines.map(({ payee, notes, amountMinor }) => ({ payee, notes, amountMinor })),
      ).toEqual([
        { payee: 'Bäckerei Müller', notes: 'Brötchen für 3,50 €', amountMinor: -350 },
        { payee: 'Café Größenwahn', notes: 'Kaffee „Spezial“ – danke', amountMinor: -420 },
        { payee: 'Rückerstattung Übergröße', notes: 'Gutschrift 12 €', amountMinor: 1200 },
      ]);
    }
  });

  it('reads UTF-8 with a BOM without the BOM in the first header', () => {
    const statement = readStatement(readFixture('utf-8-bom.csv'), 'x.csv', {}, 'EUR');
    expect(statement.columns?.[0]).toBe('Date');
    expect(statement.lines).toEqual([
      {
        line: 2,
        date: '2025-12-01',
        rawDate: '2025-12-01',
        amountMinor: -840,
        rawAmount: '-8.40',
        payee: 'Crème Brûlée Café',
        notes: 'dessert',
      },
    ]);
  });

  it('asks for a mapping when no amount column is named, listing the columns', () => {
    const statement = readStatement(readFixture('no-amount-column.csv'), 'x.csv', {}, 'EUR');
    expect(statement).toMatchObject({
      needsMapping: true,
      columns: ['Datum', 'Empfänger', 'Verwendungszweck'],
      lines: [],
    });
  });

  it('asks for a mapping for a file that is text but no table', () => {
    const statement = readStatement(readFixture('garbage.csv'), 'mail.csv', {}, 'EUR');
    expect(statement.needsMapping).toBe(true);
    expect(statement.lines).toEqual([]);
  });

  it('lets explicit options win over detection', () => {
    const statement = readStatement(
      readFixture('no-amount-column.csv'),
      'x.csv',
      { columns: { date: 0, amount: 'Verwendungszweck' }, dateFormat: 'DD.MM.YYYY' },
      'EUR',
    );
    expect(statement.needsMapping).toBeUndefined();
    expect(statement.lines[1]).toMatchObject({
      line: 3,
      date: '2025-12-02',
      error: 'Kalender 2026 is not an amount',
    });
  });

  it('says which mapped column is missing', () => {
    expect(() =>
      readStatement(
        bytes('a,b\n1,2\n'),
        'x.csv',
        { columns: { date: 'a', amount: 'Betrag' } },
        'EUR',
      ),
    ).toThrow(new ImportFileError('The column "Betrag" is not in the file'));
  });

  it('refuses a binary file', () => {
    expect(() => readStatement(readFixture('not-text.bin'), 'photo.csv', {}, 'EUR')).toThrow(
      /This file is not a text file/,
    );
  });

  it('refuses an empty file', () => {
    expect(() => readStatement(bytes(''), 'x.csv', {}, 'EUR')).toThrow(/no rows/);
  });

  it.each([
    ['statement.ofx', /not an OFX or QFX file/],
    ['statement.QFX', /not an OFX or QFX file/],
    ['statement.qif', /not a QIF file/],
  ])('refuses %s whose content is not that format', (name, message) => {
    expect(() => readStatement(bytes('x'), name, {}, 'EUR')).toThrow(message);
  });

  it('reads a file with a tab delimiter when it is a .tsv', () => {
    const statement = readStatement(bytes('Date\tAmount\n2025-12-01\t1,5\n'), 'a.TSV', {}, 'EUR');
    expect(statement).toMatchObject({ format: 'tsv', detected: { delimiter: '\t' } });
    expect(statement.lines[0].amountMinor).toBe(150);
  });
});

describe('formatOf', () => {
  it.each([
    ['a.csv', '', 'csv'],
    ['a.CSV', '', 'csv'],
    ['a.tsv', '', 'tsv'],
    ['a.Ofx', '', 'ofx'],
    ['a.qfx', '', 'qfx'],
    ['a.QIF', '', 'qif'],
    ['a.txt', 'Date,Amount', 'csv'],
    ['a.txt', '!Type:Bank\nD1/2/25', 'qif'],
    ['download', 'OFXHEADER:100\nDATA:OFXSGML', 'ofx'],
    ['download.xml', '<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>\n<OFX>', 'ofx'],
    ['export.dat', '\n!Type:CCard\n', 'qif'],
  ] as const)('%s with %j is %s', (name, text, format) => {
    expect(formatOf(name, text)).toBe(format);
  });

  it('names a file it cannot place', () => {
    expect(() => formatOf('statement.pdf.zip', 'Date,Amount')).toThrow(
      new ImportFileError(
        'statement.pdf.zip is not a bank file FinWise can read (CSV, OFX, QFX or QIF)',
      ),
    );
  });
});
