import { parseMoney, type MoneyParseOptions } from './parse-money';

const euro = { minorDigits: 2, decimalSeparator: '.' };
const germanEuro = { minorDigits: 2, decimalSeparator: ',' };

function minor(text: string, options: MoneyParseOptions = euro): number {
  const result = parseMoney(text, options);
  if (!result.ok) {
    throw new Error(`${text}: ${result.error}`);
  }
  return result.minor;
}

function error(text: string, options: MoneyParseOptions = euro): string {
  const result = parseMoney(text, options);
  return result.ok ? `parsed as ${result.minor}` : result.error;
}

describe('parseMoney', () => {
  it('reads whole numbers, decimals and signs', () => {
    expect(minor('12')).toBe(1200);
    expect(minor('-12.5')).toBe(-1250);
    expect(minor('+3.07')).toBe(307);
    expect(minor('.5')).toBe(50);
    expect(minor('12.')).toBe(1200);
    expect(minor('−4.20')).toBe(-420);
    expect(minor('(3.10)')).toBe(-310);
  });

  it('keeps every cent that floats would lose', () => {
    // 0.29 * 100 === 28.999999999999996 and 1.005 * 100 === 100.49999999999999 in binary floats.
    expect(minor('0.29')).toBe(29);
    expect(minor('1.01')).toBe(101);
    expect(minor('9007199254.74')).toBe(900719925474);
  });

  it('understands German and English grouping alike', () => {
    expect(minor('1.234,56')).toBe(123456);
    expect(minor('1,234.56')).toBe(123456);
    expect(minor('1 234,56')).toBe(123456);
    expect(minor("1'234.56")).toBe(123456);
    expect(minor('1.234.567')).toBe(123456700);
    expect(minor('1,00,000.00')).toBe(10000000);
  });

  it("uses the user's decimal mark for a lone separator", () => {
    expect(minor('1,5', germanEuro)).toBe(150);
    expect(error('1,234', germanEuro)).toBe('Use at most 2 decimal places.');
    expect(minor('1,234')).toBe(123400);
    expect(minor('1.234', germanEuro)).toBe(123400);
    expect(minor('-12.5', germanEuro)).toBe(-1250);
  });

  it('respects the currency minor digits', () => {
    expect(minor('1234', { minorDigits: 0 })).toBe(1234);
    expect(minor('1,234', { minorDigits: 0 })).toBe(1234);
    expect(minor('1.234', { minorDigits: 3, decimalSeparator: '.' })).toBe(1234);
    expect(minor('12.00', { minorDigits: 0 })).toBe(12);
    expect(error('12.5', { minorDigits: 0 })).toBe('This currency has no decimal places.');
    expect(minor('12.500')).toBe(1250);
    expect(error('12.345')).toBe('Use at most 2 decimal places.');
  });

  it('refuses text that is not an amount', () => {
    expect(error('')).toBe('Enter an amount.');
    expect(error('   ')).toBe('Enter an amount.');
    expect(error('12abc')).toBe('Enter a number such as -12.50.');
    expect(error('-')).toBe('Enter a number such as -12.50.');
    expect(error('1e5')).toBe('Enter a number such as -12.50.');
    expect(error('1,23,4.00')).toBe('Check the thousands separators, e.g. 1,234.50.');
    expect(error('1,234.5,6')).toBe('Enter a number such as -12.50.');
  });

  it('stays within the amount limit of the data model', () => {
    expect(minor('10000000000000.00')).toBe(1e15);
    expect(minor('-10000000000000')).toBe(-1e15);
    expect(error('10000000000000.01')).toBe('That amount is too large.');
  });

  it('never returns negative zero', () => {
    expect(Object.is(minor('-0.00'), 0)).toBe(true);
  });
});
