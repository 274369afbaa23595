import { dropStartLines, newlineOf, parseRecords } from './parse-records';

describe('parseRecords', () => {
  it('numbers records by the file line they start on, across quoted line breaks', () => {
    const text = 'a;b\r\n"x\r\ny";2\r\n\r\n3;"4"\r\n';
    expect(parseRecords(text, ';', newlineOf(text))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\r\ny', '2'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('keeps every cell a string', () => {
    expect(parseRecords('1.5,true,0012\n', ',', '\n')).toEqual([
      { line: 1, cells: ['1.5', 'true', '0012'] },
    ]);
  });

  it('starts counting at the line it is told, after dropped lines', () => {
    const { text, firstLine } = dropStartLines('x\ny\na,b\n1,2', 2, '\n');
    expect(parseRecords(text, ',', '\n', firstLine)).toEqual([
      { line: 3, cells: ['a', 'b'] },
      { line: 4, cells: ['1', '2'] },
    ]);
  });

  it('reads old Mac line breaks', () => {
    expect(parseRecords('a,b\r1,2', ',', newlineOf('a,b\r1,2'))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });
});
