import fc from 'fast-check';
import { parseMoney, type ParseMoneyOptions } from './parse-money';

const EUR_AUTO: ParseMoneyOptions = {
  decimal: 'auto',
  exponent: 2,
  format: 'csv',
  currency: 'EUR',
};
const EUR_COMMA: ParseMoneyOptions = { ...EUR_AUTO, decimal: ',' };
const EUR_DOT: ParseMoneyOptions = { ...EUR_AUTO, decimal: '.' };

describe('parseMoney', () => {
  it.each([
    ['1.234,56', EUR_COMMA, 123456],
    ['1,234.56', EUR_DOT, 123456],
    ['1.234', EUR_COMMA, 123400],
    ['-12,50', EUR_COMMA, -1250],
    ['+12,50', EUR_COMMA, 1250],
    ['12,5', EUR_COMMA, 1250],
    ['0,00', EUR_COMMA, 0],
    ['-0,00', EUR_COMMA, 0],
    ['12.-', EUR_DOT, 1200],
    ['1.234.567,8', EUR_COMMA, 123456780],
    ['12,50 EUR', EUR_COMMA, 1250],
    ['EUR -12,50', EUR_COMMA, -1250],
    ['-€12.50', EUR_DOT, -1250],
    ['$(12.50)', EUR_DOT, -1250],
    ['12.50 CHF', EUR_DOT, 1250],
    ['1 234,56 Ft', EUR_COMMA, 123456],
    ['  7  ', EUR_DOT, 700],
    ['45.00 DR', EUR_DOT, -4500],
    ['45.00cr', EUR_DOT, 4500],
    ['12,50 S', EUR_COMMA, -1250],
    ['12,50 H', EUR_COMMA, 1250],
    ['12,50 EUR H', EUR_COMMA, 1250],
  ])('%s with %o reads %i', (raw, options, minor) => {
    expect(parseMoney(raw, options)).toEqual({ kind: 'ok', minor });
  });

  it.each([
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    ['12,5', 1250],
    ['12.50', 1250],
    ['1234.567', undefined],
    ['100', 10000],
  ])('auto reads %s as %s when the value itself shows its decimal mark', (raw, minor) => {
    const result = parseMoney(raw, EUR_AUTO);
    if (minor === undefined) expect(result.kind).toBe('error');
    else expect(result).toEqual({ kind: 'ok', minor });
  });

  it('reports one separator with exactly three digits after it as ambiguous under auto', () => {
    expect(parseMoney('1.000', EUR_AUTO)).toEqual({
      kind: 'ambiguous',
      separator: '.',
      asGrouping: 100000,
      asDecimal: 100,
      message: expect.stringContaining('1.000'),
    });
    // EUR cannot hold 1.234 as a decimal, so only the grouping reading is offered.
    const eur = parseMoney('1,234', EUR_AUTO);
    expect(eur).toMatchObject({ kind: 'ambiguous', separator: ',', asGrouping: 123400 });
    expect(eur).not.toHaveProperty('asDecimal');
    expect(parseMoney('1.234', { ...EUR_AUTO, exponent: 3, currency: 'KWD' })).toMatchObject({
      kind: 'ambiguous',
      asGrouping: 1234000,
      asDecimal: 1234,
    });
  });

  it.each([
    ['12.345', EUR_DOT, /12\.345 has more decimals than EUR allows/],
    ['', EUR_DOT, /empty/],
    ['   ', EUR_DOT, /empty/],
    ['-', EUR_DOT, /- is not an amount/],
    ['abc', EUR_DOT, /abc is not an amount/],
    ['12a34', EUR_DOT, /12a34 is not an amount/],
    ['-(12.50)', EUR_DOT, /more than one sign/],
    ['-12.50-', EUR_DOT, /more than one sign/],
    ['-12.50 DR', EUR_DOT, /more than one sign/],
    ['1,23.45', EUR_DOT, /thousands separator "," in the wrong place/],
    ['12.34.56', EUR_DOT, /more than one decimal mark/],
    ['12,345.6', EUR_COMMA, /after its decimal mark/],
    ['12.', EUR_DOT, /no digits after/],
    ['1.000,-', EUR_DOT, /ends in ",-"/],
    ['99999999999999999', EUR_DOT, /too large/],
  ])('%s with %o is an error matching %s', (raw, options, message) => {
    const result = parseMoney(raw, options);
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message).toMatch(message);
  });

  it('names the exponent when no currency is given', () => {
    expect(parseMoney('1.234', { decimal: '.', exponent: 2, format: 'csv' })).toEqual({
      kind: 'error',
      message: '1.234 has more decimals than the currency allows (2)',
    });
  });

  it('reads the largest safe amount and refuses one minor unit more', () => {
    expect(parseMoney('90071992547409.91', EUR_DOT)).toEqual({
      kind: 'ok',
      minor: Number.MAX_SAFE_INTEGER,
    });
    expect(parseMoney('90071992547409.92', EUR_DOT).kind).toBe('error');
  });

  describe('OFX', () => {
    const OFX: ParseMoneyOptions = { decimal: 'auto', exponent: 2, format: 'ofx', currency: 'EUR' };
    it.each([
      ['-3.77000', -377],
      ['-30.000', -3000],
      ['-12,50', -1250],
      ['1234', 123400],
      ['&#8722;5.00', -500],
      ['$120.00', 12000],
    ])('%s reads %i: the one separator is always the decimal mark', (raw, minor) => {
      expect(parseMoney(raw, OFX)).toEqual({ kind: 'ok', minor });
    });

    it('refuses grouping, which OFX does not have', () => {
      expect(parseMoney('1,234.56', OFX)).toMatchObject({ kind: 'error' });
    });
  });

  it('agrees with the integer it was printed from, for any amount and exponent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (minor, exponent, german) => {
          const digits = Math.abs(minor)
            .toString()
            .padStart(exponent + 1, '0');
          const integer = digits.slice(0, digits.length - exponent);
          const fraction = digits.slice(digits.length - exponent);
          const grouped = integer.replace(/\B(?=(\d{3})+$)/g, german ? '.' : ',');
          const mark = german ? ',' : '.';
          const text = `${minor < 0 ? '-' : ''}${grouped}${exponent > 0 ? mark + fraction : ''}`;
          const options: ParseMoneyOptions = { decimal: mark, exponent, format: 'csv' };
          expect(parseMoney(text, options)).toEqual({ kind: 'ok', minor: minor === 0 ? 0 : minor });
        },
      ),
    );
  });
});
