import { parseMoneyColumn } from './parse-money-column';
import type { ParseMoneyOptions } from './parse-money';

const EUR: ParseMoneyOptions = { decimal: 'auto', exponent: 2, format: 'csv', currency: 'EUR' };

const minors = (raws: string[], options: ParseMoneyOptions = EUR) =>
  parseMoneyColumn(raws, options).results.map((result) =>
    result.kind === 'ok' ? result.minor : result.kind,
  );

describe('parseMoneyColumn', () => {
  it('lets a value with a 1–2 digit fraction decide the column', () => {
    expect(parseMoneyColumn(['1.234', '5,99'], EUR)).toEqual({
      results: [
        { kind: 'ok', minor: 123400 },
        { kind: 'ok', minor: 599 },
      ],
      decimal: ',',
    });
    expect(parseMoneyColumn(['1,234', '5.99'], EUR).decimal).toBe('.');
  });

  it('turns a value into an error once the column shows it cannot be grouping', () => {
    const column = parseMoneyColumn(['5.99', '1.234'], EUR);
    expect(column.decimal).toBe('.');
    expect(column.results[1]).toEqual({
      kind: 'error',
      message: '1.234 has more decimals than EUR allows (2)',
    });
  });

  it('decides by a value repeating its separator (grouping) or using both', () => {
    expect(minors(['1.234', '1.234.567'])).toEqual([123400, 123456700]);
    expect(minors(['1.234', '2.345,67'])).toEqual([123400, 234567]);
    expect(minors(['1,234', '2.345,67'])).toEqual(['error', 234567]);
  });

  it('reads a separator as grouping in a currency without minor units', () => {
    expect(minors(['1,234'], { ...EUR, exponent: 0, currency: 'JPY' })).toEqual([1234]);
  });

  it('asks rather than read a 3-digit tail as grouping in a currency with minor units', () => {
    // 4.505 is as likely a 3-decimal amount as four thousand: never booked unasked.
    expect(minors(['1.234', '12'])).toEqual(['ambiguous', 1200]);
    expect(parseMoneyColumn(['-4.505'], EUR).ambiguous).toEqual(['.', ',']);
  });

  it('reports what stays ambiguous', () => {
    const column = parseMoneyColumn(['1.000', '12'], EUR);
    expect(column.ambiguous).toEqual(['.', ',']);
    expect(column.decimal).toBeUndefined();
    expect(column.results.map((result) => result.kind)).toEqual(['ambiguous', 'ok']);
    expect(parseMoneyColumn(['1.234'], { ...EUR, exponent: 3 }).ambiguous).toEqual(['.', ',']);
  });

  it('needs no decision for a column of whole numbers', () => {
    expect(parseMoneyColumn(['12', '-7'], EUR)).toEqual({
      results: [
        { kind: 'ok', minor: 1200 },
        { kind: 'ok', minor: -700 },
      ],
    });
  });

  it('lets the majority decide a column that mixes marks, naming the odd value', () => {
    const column = parseMoneyColumn(['1.234,56', '2.000,00', '1,234.56'], EUR);
    expect(column.decimal).toBe(',');
    expect(column.results[2]).toMatchObject({ kind: 'error', message: /1,234\.56/ });
  });

  it('keeps an explicit decimal mark and keeps empty values as errors', () => {
    const column = parseMoneyColumn(['1.234', ''], { ...EUR, decimal: ',' });
    expect(column.decimal).toBe(',');
    expect(column.results).toEqual([
      { kind: 'ok', minor: 123400 },
      { kind: 'error', message: 'The amount is empty' },
    ]);
  });
});
