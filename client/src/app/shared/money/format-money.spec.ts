import { minorDigits } from './currency';
import { formatMoney, formatMoneyForInput, minorToDecimal } from './format-money';
import { parseMoney } from './parse-money';

describe('money formatting', () => {
  it('writes minor units as an exact decimal', () => {
    expect(minorToDecimal(123456, 2)).toBe('1234.56');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(0, 2)).toBe('0.00');
    expect(minorToDecimal(1234, 0)).toBe('1234');
    expect(minorToDecimal(999_999_999_999_999, 2)).toBe('9999999999999.99');
  });

  it("formats in the currency's own digits and the locale's style", () => {
    expect(formatMoney(-123456, 'EUR', 'de-DE')).toBe('-1.234,56\u00a0€');
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(formatMoney(1234, 'KWD', 'en-US')).toContain('1.234');
  });

  it('prefills edit fields with text the parser reads back unchanged', () => {
    for (const [minor, currency, locale] of [
      [-123456, 'EUR', 'de-DE'],
      [99, 'USD', 'en-US'],
      [1234, 'JPY', 'en-US'],
    ] as const) {
      const text = formatMoneyForInput(minor, currency, locale);
      const decimalSeparator = locale === 'de-DE' ? ',' : '.';
      expect(parseMoney(text, { minorDigits: minorDigits(currency), decimalSeparator })).toEqual({
        ok: true,
        minor,
      });
    }
    expect(formatMoneyForInput(-123456, 'EUR', 'de-DE')).toBe('-1234,56');
  });

  it('knows the minor digits of currencies', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
  });
});
