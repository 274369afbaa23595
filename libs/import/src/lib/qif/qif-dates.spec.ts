import { ImportFileError } from '../model/statement';
import { readQifDates } from './qif-dates';

const fields = (...raws: (string | undefined)[]) =>
  raws.map((raw, index) => ({ raw, line: index * 5 + 2 }));
const dates = (result: ReturnType<typeof readQifDates>) =>
  result.results.map((reading) => (reading?.kind === 'ok' ? reading.date : reading?.kind));

describe('readQifDates', () => {
  it('infers one layout for the file from every record', () => {
    const read = readQifDates(fields('01/02/2024', '13/02/2024', undefined));
    expect(read.format).toBe('DD/MM/YYYY');
    expect(dates(read)).toEqual(['2024-02-01', '2024-02-13', undefined]);
  });

  it('reports a file whose days are all ≤ 12 as ambiguous until a layout is chosen', () => {
    const read = readQifDates(fields('01/02/2024', '03/04/2024'));
    expect(read.ambiguous).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(dates(read)).toEqual(['ambiguous', 'ambiguous']);
    const chosen = readQifDates(fields('01/02/2024', '03/04/2024'), 'MM/DD/YYYY');
    expect(chosen.ambiguous).toBeUndefined();
    expect(dates(chosen)).toEqual(['2024-01-02', '2024-03-04']);
  });

  it('refuses a file mixing layouts, naming the first record that breaks the layout', () => {
    expect(() => readQifDates(fields('01/02/2024', '13/02/2024', '02/13/2024'))).toThrow(
      new ImportFileError(
        'the date 02/13/2024 does not fit the layout of the dates before it (DD/MM/YYYY): ' +
          'the file mixes date layouts',
        12,
      ),
    );
  });

  it('makes a value that is no date at all an error of its own record', () => {
    const read = readQifDates(fields('2024-03-01', 'soon', '2024-03-02'));
    expect(dates(read)).toEqual(['2024-03-01', 'error', '2024-03-02']);
    expect(read.results[1]).toEqual({ kind: 'error', message: 'soon is not a date' });
  });
});
