import { readerContext } from '../../testing/bank-fixture';
import { readOfx } from './read-ofx';

const ofx = (amounts: readonly string[]) =>
  [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    '',
    '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>',
    ...amounts.map(
      (amount, index) =>
        `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>2024030${index + 1}<TRNAMT>${amount}` +
        `<FITID>F-${index + 1}<NAME>Shop</STMTTRN>`,
    ),
    '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
  ].join('\n');

describe('readOfx amounts written with extra characters', () => {
  it('reads "$120" and "-12.50 USD" without them, and the line warns', () => {
    const statement = readOfx(ofx(['$120', '-12.50 USD', '-7.25']), readerContext('USD'));
    expect(statement.lines.map((line) => [line.amountMinor, line.warning])).toEqual([
      [12000, 'transaction 1 (FITID F-1): TRNAMT "$120" was read without "$": check the amount'],
      [
        -1250,
        'transaction 2 (FITID F-2): TRNAMT "-12.50 USD" was read without "USD": check the amount',
      ],
      [-725, undefined],
    ]);
    expect(statement.lines.every((line) => line.error === undefined)).toBe(true);
  });

  it('warns about a trailing minus, which OFX does not write', () => {
    const [line] = readOfx(ofx(['12.50-']), readerContext('USD')).lines;
    expect(line.amountMinor).toBe(-1250);
    expect(line.warning).toContain('not written the way OFX writes amounts');
  });

  it('keeps an unreadable amount an error, without a warning', () => {
    const [line] = readOfx(ofx(['$12.5.0']), readerContext('USD')).lines;
    expect(line.error).toContain('TRNAMT');
    expect(line.warning).toBeUndefined();
  });
});
