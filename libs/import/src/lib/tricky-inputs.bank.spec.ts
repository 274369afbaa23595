import type { ImportOptions } from './model/import-options';
import type { StatementLine } from './model/statement';
import { readOfx } from './ofx/read-ofx';
import { readQif } from './qif/read-qif';
import { readerContext } from '../testing/bank-fixture';

/** One OFX 1.x transaction with the given leaves, in a whole statement. */
function ofx(leaves: string): string {
  return (
    'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR' +
    '<BANKACCTFROM><BANKID>1<ACCTID>2</BANKACCTFROM><BANKTRANLIST>' +
    `<STMTTRN><TRNTYPE>OTHER<FITID>T1${leaves}</STMTTRN>` +
    '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>'
  );
}

function qif(fields: string): string {
  return `!Type:Bank\n${fields}\n^\n`;
}

interface Row {
  readonly row: number;
  readonly format: 'ofx' | 'qif';
  readonly text: string;
  readonly options?: ImportOptions;
  readonly expected: Partial<StatementLine>;
}

// Research §3.7, the rows about OFX and QIF (EUR, exponent 2).
const ROWS: readonly Row[] = [
  {
    row: 14,
    format: 'ofx',
    text: ofx('<DTPOSTED>20240103<TRNAMT>-3.77000'),
    expected: { amountMinor: -377 },
  },
  {
    row: 15,
    format: 'ofx',
    text: ofx('<DTPOSTED>20240103<TRNAMT>-30.000'),
    expected: { amountMinor: -3000 },
  },
  {
    row: 23,
    format: 'qif',
    text: qif("D1/23'19\nT-1.00"),
    expected: { date: '2019-01-23' },
  },
  {
    row: 24,
    format: 'qif',
    text: qif("D2024'01'02\nT-1.00"),
    expected: { date: '2024-01-02' },
  },
  {
    row: 25,
    format: 'ofx',
    text: ofx('<DTPOSTED>20230509120000.000[-5:EST]<TRNAMT>-1.00'),
    expected: { date: '2023-05-09' },
  },
  {
    row: 28,
    format: 'ofx',
    text: ofx('<DTPOSTED>20230509<TRNAMT>-1.00<NAME>TPAY &amp;lt;DEFTPYMT&amp;gt;'),
    expected: { payee: 'TPAY <DEFTPYMT>' },
  },
  {
    row: 29,
    format: 'qif',
    text: qif('D2024-01-02\nT-1.00\nLUsual Expenses:Shopping'),
    expected: { categoryName: 'Shopping', categoryGroup: 'Usual Expenses' },
  },
  {
    row: 31,
    format: 'ofx',
    text: ofx('<DTPOSTED>20240103<TRNAMT>-1.00<MEMO>Corner Shop'),
    options: { payeeFromMemo: true },
    expected: { payee: 'Corner Shop' },
  },
];

describe('tricky inputs: OFX and QIF (research §3.7)', () => {
  it.each(ROWS.map((row) => [row.row, row] as const))(
    'row %i',
    (_, { format, text, options, expected }) => {
      const reader = format === 'ofx' ? readOfx : readQif;
      const { lines } = reader(text, readerContext('EUR', options ?? {}));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject(expected);
      expect(lines[0].error).toBeUndefined();
    },
  );
});
