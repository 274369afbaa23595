import { detectLayout } from './detect-layout';

const GERMAN = [
  'Kontonummer:;DE02 1203 0000 0000 2020 51',
  'Von:;01.11.2025',
  '',
  'Buchungstag;Empfänger;Betrag',
  '03.11.2025;REWE;-54,23',
  '04.11.2025;Bäckerei;-3,10',
  '',
  'Kontostand;1.234,56',
  '',
].join('\r\n');

describe('detectLayout', () => {
  it('finds a named header after a preamble and a footer after the data', () => {
    const layout = detectLayout(GERMAN, {});
    expect(layout).toMatchObject({
      delimiter: ';',
      skipStartLines: 3,
      skipEndLines: 1,
      hasHeader: true,
      header: { line: 4, cells: ['Buchungstag', 'Empfänger', 'Betrag'] },
      width: 3,
    });
    expect(layout.rows.map((row) => row.line)).toEqual([5, 6]);
  });

  it('keeps explicit skips, header and delimiter', () => {
    const layout = detectLayout(GERMAN, {
      skipStartLines: 4,
      skipEndLines: 3,
      hasHeader: false,
      delimiter: ';',
    });
    expect(layout).toMatchObject({ skipStartLines: 4, skipEndLines: 3, hasHeader: false });
    expect(layout.header).toBeUndefined();
    // End lines count up from the last non-blank line (8): 8, the blank 7 and 6.
    expect(layout.rows.map((row) => row.line)).toEqual([5]);
  });

  it('takes an unnamed first row as a header when none of its cells is a date or number', () => {
    const layout = detectLayout('When,Who,How much\n2025-12-01,A,1.00\n', {});
    expect(layout).toMatchObject({ hasHeader: true, skipStartLines: 0 });
    expect(layout.rows).toHaveLength(1);
  });

  it('reads a file without a header row from its first row', () => {
    const layout = detectLayout('2025-12-01,A,1.00\n2025-12-02,B,2.00\n', {});
    expect(layout).toMatchObject({ hasHeader: false, skipStartLines: 0, skipEndLines: 0 });
    expect(layout.rows.map((row) => row.line)).toEqual([1, 2]);
  });

  it('never takes the only data row for a footer', () => {
    const layout = detectLayout('Date,Amount\n2025-12-01,1.00,extra\n', {});
    expect(layout.skipEndLines).toBe(0);
    expect(layout.rows).toHaveLength(1);
  });
});
