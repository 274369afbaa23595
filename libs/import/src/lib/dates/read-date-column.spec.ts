import { readDateColumn } from './read-date-column';

describe('readDateColumn', () => {
  it('reads a column whose layout is certain', () => {
    expect(readDateColumn(['01/02/2024', '13/02/2024'])).toEqual({
      results: [
        { kind: 'ok', date: '2024-02-01' },
        { kind: 'ok', date: '2024-02-13' },
      ],
      format: 'DD/MM/YYYY',
    });
  });

  it('asks when the layouts read a value as different days, and names both readings', () => {
    const column = readDateColumn(['01/02/2024', '05/05/2024']);
    expect(column.ambiguous).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(column.format).toBeUndefined();
    expect(column.results[0]).toEqual({
      kind: 'ambiguous',
      formats: ['DD/MM/YYYY', 'MM/DD/YYYY'],
      message:
        '01/02/2024 could be DD/MM/YYYY (2024-02-01) or MM/DD/YYYY (2024-01-02): choose the date format',
    });
    expect(column.results[1]).toEqual({ kind: 'ok', date: '2024-05-05' });
  });

  it('does not ask when every layout reads the same days', () => {
    expect(readDateColumn(['05/05/2024', '01/01/2024'])).toEqual({
      results: [
        { kind: 'ok', date: '2024-05-05' },
        { kind: 'ok', date: '2024-01-01' },
      ],
    });
  });

  it('reads with the layout that fits most, naming the values that do not fit', () => {
    const column = readDateColumn(['04.12.2025', '05.12.2025', '2025-12-06', '']);
    expect(column.format).toBe('DD.MM.YYYY');
    expect(column.results.slice(2)).toEqual([
      {
        kind: 'error',
        message: '2025-12-06 is not a date in DD.MM.YYYY like the rest of the column',
      },
      { kind: 'error', message: 'The date is empty' },
    ]);
  });

  it('makes a column mixing layouts equally an error on every value', () => {
    const column = readDateColumn(['13/02/2024', '02/13/2024']);
    expect(column.ambiguous).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(column.results.map((result) => result.kind)).toEqual(['error', 'error']);
    expect(column.results[0]).toMatchObject({ message: expect.stringContaining('13/02/2024') });
  });

  it('keeps an explicit layout and names the value that does not fit it', () => {
    expect(readDateColumn(['01/02/2024', '2024-02-01'], 'MM/DD/YYYY')).toEqual({
      results: [
        { kind: 'ok', date: '2024-01-02' },
        { kind: 'error', message: '2024-02-01 is not a date in MM/DD/YYYY' },
      ],
      format: 'MM/DD/YYYY',
    });
  });

  it('says a column of text is not dates', () => {
    expect(readDateColumn(['Kontostand']).results).toEqual([
      { kind: 'error', message: 'Kontostand is not a date' },
    ]);
  });
});
