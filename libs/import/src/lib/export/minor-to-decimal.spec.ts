import { minorToDecimal } from './minor-to-decimal';

describe('minorToDecimal', () => {
  it.each([
    [123456, 2, '1234.56'],
    [-123456, 2, '-1234.56'],
    [5, 2, '0.05'],
    [-5, 3, '-0.005'],
    [0, 2, '0.00'],
    [-0, 2, '0.00'],
    [15000, 0, '15000'],
    [-7, 0, '-7'],
    [1234567, 3, '1234.567'],
    [1, 4, '0.0001'],
    [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91'],
    [-Number.MAX_SAFE_INTEGER, 2, '-90071992547409.91'],
  ])('writes %p with exponent %p as %p', (minor, exponent, expected) => {
    expect(minorToDecimal(minor, exponent)).toBe(expected);
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => minorToDecimal(1.5, 2)).toThrow(RangeError);
    expect(() => minorToDecimal(Number.MAX_SAFE_INTEGER + 1, 2)).toThrow(RangeError);
    expect(() => minorToDecimal(1, -1)).toThrow(RangeError);
  });
});
