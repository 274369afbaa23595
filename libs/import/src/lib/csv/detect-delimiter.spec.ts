import { dataWidth, detectDelimiter } from './detect-delimiter';
import { parseRecords } from './parse-records';

describe('detectDelimiter', () => {
  it.each([
    ['Datum;Betrag;Empfänger\n01.12.2025;-1.234,56;A\n02.12.2025;5,00;B\n', ';'],
    ['Date,Payee,Amount\n12/01/2025,"Shop; Inc",1.50\n12/02/2025,B,2.00\n', ','],
    ['Date\tPayee\tAmount\n2025-12-01\tA, B\t1,50\n', '\t'],
    ['Date|Payee|Amount\n2025-12-01|A; B|1,50\n', '|'],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text, '\n')).toBe(delimiter);
  });

  it('lets the data block decide, not the preamble', () => {
    const text = 'Konto,DE02 1203\nZeitraum,November\n\nA;B;C;D\n1;2;3;4\n5;6;7;8\n9;1;2;3\n';
    expect(detectDelimiter(text, '\n')).toBe(';');
  });

  it('prefers ; when German amounts make , look consistent too', () => {
    expect(detectDelimiter('01.12.2025;A;-3,50\n02.12.2025;B;4,20\n', '\n')).toBe(';');
  });
});

describe('dataWidth', () => {
  it('is the width most non-blank records share, the wider on a tie', () => {
    expect(dataWidth(parseRecords('a;b\n\n1;2;3\n4;5;6\nx\n', ';', '\n'))).toBe(3);
    expect(dataWidth(parseRecords('a;b\n1;2;3\n', ';', '\n'))).toBe(3);
  });
});
