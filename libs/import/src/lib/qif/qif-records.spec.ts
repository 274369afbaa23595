import { ImportFileError } from '../model/statement';
import { readQifRecords } from './qif-records';

describe('readQifRecords', () => {
  it('splits records at ^ and keeps each field with its line', () => {
    const file = readQifRecords(
      '!Type:Bank\r\nD1/2/24\r\nT-5.00\r\n^\r\n\r\nD1/3/24\r\nPShop\r\n^\r\n',
    );
    expect(file.records).toEqual([
      {
        line: 2,
        fields: [
          { code: 'D', value: '1/2/24', line: 2 },
          { code: 'T', value: '-5.00', line: 3 },
        ],
      },
      {
        line: 6,
        fields: [
          { code: 'D', value: '1/3/24', line: 6 },
          { code: 'P', value: 'Shop', line: 7 },
        ],
      },
    ]);
  });

  it('takes the first !Account name as the hint and skips the account block', () => {
    const file = readQifRecords('!Account\nNChecking\nTBank\n^\n!Type:Bank\nD1/2/24\nT1\n^\n');
    expect(file.accountName).toBe('Checking');
    expect(file.records.map((record) => record.line)).toEqual([6]);
  });

  it.each(['Bank', 'CCard', 'Cash', 'Oth A', 'Oth L', 'bank '])('reads !Type:%s', (type) => {
    expect(readQifRecords(`!Type:${type}\nT1\n^`).records).toHaveLength(1);
  });

  it('skips category and class lists', () => {
    const text = '!Type:Cat\nNFood\nE\n^\n!Type:Class\nNWork\n^\n!Type:Bank\nT1\n^';
    expect(readQifRecords(text).records.map((record) => record.line)).toEqual([9]);
  });

  it('ends a record without ^ at the next header or the end of the file', () => {
    const file = readQifRecords('!Type:Bank\nT1\n!Type:Cash\nT2');
    expect(file.records.map((record) => record.fields[0].value)).toEqual(['1', '2']);
  });

  it('ignores a byte order mark before the first header', () => {
    expect(readQifRecords('\uFEFF!Type:Bank\nT1\n^').records).toHaveLength(1);
  });

  it('reads records before any !Type header as bank records', () => {
    expect(readQifRecords('D1/2/24\nT1\n^').records).toHaveLength(1);
  });

  it('refuses investment sections and unknown headers, naming the line', () => {
    expect(() => readQifRecords('!Type:Bank\nT1\n^\n!Type:Invst\nNBuy\n^')).toThrow(
      new ImportFileError('investment transactions (!Type:Invst) cannot be imported', 4),
    );
    expect(() => readQifRecords('!Bogus\nT1\n^')).toThrow('Line 1: "!Bogus" is not a QIF header');
  });
});
