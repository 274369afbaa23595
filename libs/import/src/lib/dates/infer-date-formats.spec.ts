import { DATE_FORMATS } from '../model/import-options';
import { inferDateFormats } from './infer-date-formats';

describe('inferDateFormats', () => {
  it('is day-first when a first field is above 12', () => {
    expect(inferDateFormats(['01/02/2024', '13/02/2024'])).toEqual(['DD/MM/YYYY']);
  });

  it('is month-first when a second field is above 12', () => {
    expect(inferDateFormats(['01/02/2024', '02/13/2024'])).toEqual(['MM/DD/YYYY']);
  });

  it('keeps both when every field is at most 12', () => {
    expect(inferDateFormats(['01/02/2024', '12/11/2024', ''])).toEqual([
      'DD/MM/YYYY',
      'MM/DD/YYYY',
    ]);
    expect(inferDateFormats(['1-2-2024'])).toEqual(['DD-MM-YYYY', 'MM-DD-YYYY']);
  });

  it('fits nothing when the column mixes layouts', () => {
    expect(inferDateFormats(['13/02/2024', '02/13/2024'])).toEqual([]);
    expect(inferDateFormats(['2024-02-13', '13.02.2024'])).toEqual([]);
    expect(inferDateFormats(['04.12.2025', 'Kontostand'])).toEqual([]);
  });

  it('tells two-digit from four-digit years', () => {
    expect(inferDateFormats(['04.12.25', '31.12.24'])).toEqual(['DD.MM.YY']);
    expect(inferDateFormats(['04.12.2025'])).toEqual(['DD.MM.YYYY']);
  });

  it('fits every layout for a column without values', () => {
    expect(inferDateFormats(['', ' '])).toEqual([...DATE_FORMATS]);
  });
});
