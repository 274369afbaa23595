import fc from 'fast-check';
import { DATE_FORMATS, type DateFormat } from '../model/import-options';
import { centuryOf, dateFormatsOf, isoDate, parseDate } from './parse-date';

describe('parseDate', () => {
  it.each<[string, DateFormat, string]>([
    ['2025-12-04', 'YYYY-MM-DD', '2025-12-04'],
    ['20251204', 'YYYYMMDD', '2025-12-04'],
    ['2025.12.04', 'YYYY.MM.DD', '2025-12-04'],
    ['2025.12.04.', 'YYYY.MM.DD', '2025-12-04'],
    ['2025/12/04', 'YYYY/MM/DD', '2025-12-04'],
    ['04.12.2025', 'DD.MM.YYYY', '2025-12-04'],
    ['4.12.2025', 'DD.MM.YYYY', '2025-12-04'],
    ['04.12.25', 'DD.MM.YY', '2025-12-04'],
    ['04/12/2025', 'DD/MM/YYYY', '2025-12-04'],
    ['4/1/25', 'DD/MM/YY', '2025-01-04'],
    ['04-12-2025', 'DD-MM-YYYY', '2025-12-04'],
    ['12/04/2025', 'MM/DD/YYYY', '2025-12-04'],
    ['12/4/99', 'MM/DD/YY', '1999-12-04'],
    ['12-04-2025', 'MM-DD-YYYY', '2025-12-04'],
    [' 2025-12-04 10:22:31 ', 'YYYY-MM-DD', '2025-12-04'],
    ['2025-12-04T23:59:59+14:00', 'YYYY-MM-DD', '2025-12-04'],
    ['12/04/2025 11:59 PM', 'MM/DD/YYYY', '2025-12-04'],
    ['29.02.2024', 'DD.MM.YYYY', '2024-02-29'],
    ['29.02.2000', 'DD.MM.YYYY', '2000-02-29'],
  ])('%s in %s is %s', (raw, format, iso) => {
    expect(parseDate(raw, format)).toBe(iso);
  });

  it.each<[string, DateFormat]>([
    ['29.02.2023', 'DD.MM.YYYY'],
    ['29.02.1900', 'DD.MM.YYYY'],
    ['31.04.2025', 'DD.MM.YYYY'],
    ['00.01.2025', 'DD.MM.YYYY'],
    ['13/13/2025', 'MM/DD/YYYY'],
    ['2025-1-4x', 'YYYY-MM-DD'],
    ['2025124', 'YYYYMMDD'],
    ['12345678', 'YYYYMMDD'],
    ['04.12.2025', 'DD/MM/YYYY'],
    ['04.12.2025', 'DD.MM.YY'],
    ['', 'YYYY-MM-DD'],
  ])('%s is not a real date in %s', (raw, format) => {
    expect(parseDate(raw, format)).toBeUndefined();
  });

  it('puts two-digit years 00–69 in 2000–2069 and 70–99 in 1970–1999', () => {
    expect([centuryOf(0), centuryOf(69), centuryOf(70), centuryOf(99)]).toEqual([
      2000, 2069, 1970, 1999,
    ]);
  });

  it('reads every day of four years the same as the calendar does', () => {
    // Date.UTC is only the oracle here; the code under test never touches Date.
    for (let time = Date.UTC(2023, 0, 1); time < Date.UTC(2027, 0, 1); time += 86_400_000) {
      const day = new Date(time);
      const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
      expect(isoDate(y, m, d)).toBe(day.toISOString().slice(0, 10));
    }
    expect(isoDate(2025, 2, 29)).toBeUndefined();
  });

  it('lists the layouts a single value fits', () => {
    expect(dateFormatsOf('01/02/2024')).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(dateFormatsOf('13/02/2024')).toEqual(['DD/MM/YYYY']);
    expect(dateFormatsOf('2025-12-04')).toEqual(['YYYY-MM-DD']);
    expect(DATE_FORMATS.every((format) => parseDate('soon', format) === undefined)).toBe(true);
  });
});

describe('parseDate round trip', () => {
  const write = (format: DateFormat, year: number, month: number, day: number, pad: boolean) => {
    const two = (value: number) => (pad ? value.toString().padStart(2, '0') : value.toString());
    return format
      .replace('YYYY', year.toString())
      .replace('YY', (year % 100).toString().padStart(2, '0'))
      .replace('MM', format === 'YYYYMMDD' ? month.toString().padStart(2, '0') : two(month))
      .replace('DD', format === 'YYYYMMDD' ? day.toString().padStart(2, '0') : two(day));
  };

  it('reads back every real date written in every layout, padded or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DATE_FORMATS),
        fc.integer({ min: 1970, max: 2069 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.boolean(),
        (format, year, month, day, pad) => {
          const expected = isoDate(year, month, day);
          fc.pre(expected !== undefined);
          expect(parseDate(write(format, year, month, day, pad), format)).toBe(expected);
        },
      ),
    );
  });
});
