import { csvField, csvRecord } from './csv-record';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=SUM(A1)', '=SUM(A1)'],
    ['  spaced  ', '  spaced  '],
  ])('writes %p as %p', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('joins a record with commas', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",');
  });
});
