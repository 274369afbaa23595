import { ImportFileError } from '../model/statement';
import { bankFixtureText, readerContext } from '../../testing/bank-fixture';
import { readOfx } from './read-ofx';

describe('readOfx', () => {
  const checkingLines = [
    {
      date: '2024-03-01',
      amountMinor: -4217,
      payee: 'CORNER GROCERY #118',
      notes: 'POS PURCHASE',
      bankId: '202403010004217001',
    },
    {
      date: '2024-03-05',
      amountMinor: 215000,
      payee: 'ACME PAYROLL',
      notes: 'DIRECT DEP',
      bankId: '202403050215000002',
    },
    { date: '2024-03-08', amountMinor: -60000, payee: 'CHECK 1042', bankId: '202403080060000003' },
    {
      date: '2024-03-11',
      amountMinor: -999,
      payee: 'STREAMFLIX.COM',
      notes: 'RECURRING',
      bankId: '202403110000999004',
    },
  ];

  it('reads a multi-line OFX 1.02 SGML checking statement with the line of each <STMTTRN>', () => {
    const statement = readOfx(bankFixtureText('ofx-checking-102.ofx'), readerContext('USD'));
    expect(statement.accountHint).toBe('071000013:4820019377');
    expect(statement.lines).toMatchObject(checkingLines);
    expect(statement.lines.map((line) => line.line)).toEqual([43, 51, 59, 67]);
    expect(statement.lines[0]).toMatchObject({ rawDate: '20240301', rawAmount: '-42.17' });
    expect(statement.lines.every((line) => line.error === undefined)).toBe(true);
  });

  it('reads the same statement written on one line', () => {
    const statement = readOfx(
      bankFixtureText('ofx-checking-102-one-line.ofx'),
      readerContext('USD'),
    );
    expect(statement.accountHint).toBe('071000013:4820019377');
    expect(statement.lines).toMatchObject(checkingLines);
    expect(new Set(statement.lines.map((line) => line.line))).toEqual(new Set([11]));
  });

  it('reads an OFX 2 XML statement, decoding entities and leaving an empty MEMO out', () => {
    const statement = readOfx(bankFixtureText('ofx-checking-v2.ofx'), readerContext('EUR'));
    expect(statement.accountHint).toBe('10020030:DE89370400440532013000');
    expect(statement.lines).toEqual([
      {
        line: 25,
        date: '2024-04-02',
        rawDate: '20240402000000.000[+2:CEST]',
        amountMinor: -5430,
        rawAmount: '-54.30',
        payee: 'Bäckerei Sonnenschein',
        notes: 'Kartenzahlung',
        bankId: 'A-2024-0402-001',
      },
      {
        line: 33,
        date: '2024-04-10',
        rawDate: '20240410',
        amountMinor: 125000,
        rawAmount: '1250.00',
        payee: 'Muster & Söhne GmbH',
        bankId: 'A-2024-0410-002',
      },
      {
        line: 41,
        date: '2024-04-14',
        rawDate: '20240414',
        amountMinor: -750,
        rawAmount: '-7.50',
        payee: 'Parkhaus Altstadt',
        bankId: 'A-2024-0414-003',
      },
    ]);
  });

  it('reads a QFX credit card statement: ACCTID hint, unshifted dates, entities decoded', () => {
    const statement = readOfx(bankFixtureText('qfx-credit-card.qfx'), readerContext('CAD'));
    expect(statement.accountHint).toBe('4510123412349876');
    expect(statement.lines).toMatchObject([
      {
        date: '2023-05-09',
        rawDate: '20230509120000.000[-5:EST]',
        amountMinor: -2345,
        payee: 'TPAY <DEFTPYMT>',
        notes: 'ONLINE PAYMENT & TRANSFER',
      },
      // 23:00 EST is the next day in UTC: the bank's day is kept.
      { date: '2023-05-10', amountMinor: -810, payee: 'CAFÉ DU COIN', notes: 'Achat – carte' },
      { date: '2023-05-11', amountMinor: 15000, payee: 'PAYMENT - THANK YOU', notes: '"AUTOPAY"' },
    ]);
  });

  it('reads 3- and 5-decimal amounts with "." as the decimal mark', () => {
    const statement = readOfx(bankFixtureText('ofx-multi-decimal.ofx'), readerContext('EUR'));
    expect(statement.lines.map((line) => line.amountMinor)).toEqual([-3000, -377, 1250]);
    expect(
      readOfx(bankFixtureText('ofx-multi-decimal.ofx'), readerContext('KWD')).lines.map(
        (line) => line.amountMinor,
      ),
    ).toEqual([-30000, -3770, 12500]);
  });

  it('drops a currency sign in TRNAMT', () => {
    const statement = readOfx(bankFixtureText('ofx-currency-sign.ofx'), readerContext('USD'));
    expect(statement.lines.map((line) => [line.amountMinor, line.rawAmount, line.error])).toEqual([
      [12000, '$120', undefined],
      [-3550, '-$35.50', undefined],
    ]);
  });

  it('takes the payee from MEMO when NAME is missing or empty only with payeeFromMemo', () => {
    const text = bankFixtureText('ofx-memo-no-name.ofx');
    const plain = readOfx(text, readerContext('EUR'));
    expect(plain.lines.map((line) => [line.payee, line.notes])).toEqual([
      [undefined, 'GAS STATION 24'],
      [undefined, 'BAKERY MAIN ST'],
      ['HARDWARE DEPOT', 'CARD 1234'],
    ]);
    const fallback = readOfx(text, readerContext('EUR', { payeeFromMemo: true }));
    expect(fallback.lines.map((line) => [line.payee, line.notes])).toEqual([
      ['GAS STATION 24', undefined],
      ['BAKERY MAIN ST', undefined],
      ['HARDWARE DEPOT', 'CARD 1234'],
    ]);
  });

  it('refuses a truncated file, naming the line of the cut-off transaction', () => {
    const text = bankFixtureText('ofx-truncated.ofx');
    expect(() => readOfx(text, readerContext())).toThrow(ImportFileError);
    expect(() => readOfx(text, readerContext())).toThrow(
      'Line 32: the file ends inside transaction 2: the file is truncated',
    );
  });

  it('keeps a transaction without a date or amount as a line with an error', () => {
    const text =
      '<OFX><BANKTRANLIST>' +
      '<STMTTRN><FITID>X1<TRNAMT>-1.00<NAME>No date</STMTTRN>' +
      '<STMTTRN><DTPOSTED>20240101<NAME>No amount</STMTTRN>' +
      '<STMTTRN><FITID>X3<DTPOSTED>2024-01-01<TRNAMT>1.2.3</STMTTRN>' +
      '<STMTTRN><FITID>X4<DTPOSTED>20240231<TRNAMT>1,00</STMTTRN>' +
      '</BANKTRANLIST></OFX>';
    const lines = readOfx(text, readerContext()).lines;
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ line: 1, amountMinor: -100, payee: 'No date' });
    expect(lines.map((line) => line.error)).toEqual([
      'transaction 1 (FITID X1): no date (DTPOSTED)',
      'transaction 2: no amount (TRNAMT)',
      expect.stringMatching(
        /^transaction 3 \(FITID X3\): DTPOSTED "2024-01-01" is not a date; TRNAMT: /,
      ),
      'transaction 4 (FITID X4): DTPOSTED "20240231" is not a date',
    ]);
  });

  it('reads the transactions of every statement in a file', () => {
    const statement = (account: string, fitid: string) =>
      `<STMTRS><BANKACCTFROM><BANKID>1<ACCTID>${account}</BANKACCTFROM><BANKTRANLIST>` +
      `<STMTTRN><DTPOSTED>20240101<TRNAMT>-1<FITID>${fitid}</STMTTRN></BANKTRANLIST></STMTRS>`;
    const text = `<OFX><BANKMSGSRSV1>${statement('A', 'F1')}${statement('B', 'F2')}</BANKMSGSRSV1></OFX>`;
    const read = readOfx(text, readerContext());
    expect(read.accountHint).toBe('1:A');
    expect(read.lines.map((line) => line.bankId)).toEqual(['F1', 'F2']);
  });
});
