import { ImportFileError } from '../model/statement';
import { bankFixtureText, readerContext } from '../../testing/bank-fixture';
import { readQif } from './read-qif';

describe('readQif', () => {
  it('reads a bank file with splits, Group:Category, [Account] transfers, numbers and marks', () => {
    const statement = readQif(bankFixtureText('qif-bank-splits.qif'), readerContext('USD'));
    expect(statement.detected).toEqual({ dateFormat: 'MM/DD/YYYY', decimal: '.' });
    expect(statement.ambiguities).toBeUndefined();
    expect(statement.lines).toEqual([
      {
        line: 2,
        date: '2024-03-01',
        rawDate: '03/01/2024',
        amountMinor: -123456,
        rawAmount: '-1,234.56',
        payee: 'HomeBuilders Supply',
        notes: 'Kitchen renovation #1043',
        categoryGroup: 'Home',
        categoryName: 'Repairs',
        cleared: true,
      },
      {
        line: 10,
        date: '2024-03-04',
        rawDate: '03/04/2024',
        amountMinor: -25000,
        rawAmount: '-250.00',
        payee: 'Grocery & Household',
        splits: [
          {
            amountMinor: -18000,
            categoryGroup: 'Food',
            categoryName: 'Groceries',
            notes: 'Weekly shop',
          },
          { amountMinor: -4500, categoryGroup: 'Household', categoryName: 'Cleaning' },
          { amountMinor: -2500, transferAccountName: 'Cash Wallet', notes: 'Cash back' },
        ],
      },
      {
        line: 23,
        date: '2024-03-07',
        rawDate: '03/07/2024',
        amountMinor: 50000,
        rawAmount: '500.00',
        payee: 'Transfer from savings',
        transferAccountName: 'Savings Account',
        cleared: true,
      },
      {
        line: 29,
        date: '2024-03-15',
        rawDate: '03/15/2024',
        amountMinor: 310000,
        rawAmount: '3,100.00',
        payee: 'Acme Payroll',
        categoryGroup: 'Income',
        categoryName: 'Salary',
        cleared: true,
      },
    ]);
  });

  it('takes the !Account name as the account hint', () => {
    const statement = readQif(bankFixtureText('qif-account-header.qif'), readerContext('EUR'));
    expect(statement.accountHint).toBe('Everyday Checking');
    expect(statement.lines.map((line) => [line.line, line.date, line.amountMinor])).toEqual([
      [7, '2024-02-01', -1990],
      [12, '2024-02-14', -6400],
    ]);
  });

  it('reads apostrophe years, including padded and year-first dates', () => {
    const monthFirst = readQif(bankFixtureText('qif-apostrophe-dates.qif'), readerContext('USD'));
    expect(monthFirst.lines.map((line) => [line.rawDate, line.date])).toEqual([
      ["1/23'19", '2019-01-23'],
      ["12/ 5'19", '2019-12-05'],
      ["1/ 5'20", '2020-01-05'],
    ]);
    const yearFirst = readQif(bankFixtureText('qif-ymd-apostrophe.qif'), readerContext('EUR'));
    expect(yearFirst.lines.map((line) => line.date)).toEqual(['2024-01-02', '2024-01-15']);
  });

  it('asks for the date layout when every day is ≤ 12, and reads with the one chosen', () => {
    const text = bankFixtureText('qif-days-at-most-12.qif');
    const asked = readQif(text, readerContext('EUR'));
    expect(asked.ambiguities).toEqual({ dateFormats: ['DD/MM/YYYY', 'MM/DD/YYYY'] });
    expect(asked.lines.map((line) => line.date)).toEqual([undefined, undefined, undefined]);
    expect(asked.lines[0].error).toMatch(/choose the date format/);
    const chosen = readQif(text, readerContext('EUR', { dateFormat: 'DD/MM/YYYY' }));
    expect(chosen.ambiguities).toBeUndefined();
    expect(chosen.lines.map((line) => [line.date, line.error])).toEqual([
      ['2024-02-01', undefined],
      ['2024-04-03', undefined],
      ['2024-12-11', undefined],
    ]);
  });

  it('refuses a file whose records use different date layouts', () => {
    const text = bankFixtureText('qif-inconsistent-dates.qif');
    expect(() => readQif(text, readerContext())).toThrow(ImportFileError);
    expect(() => readQif(text, readerContext())).toThrow(
      /^Line 6: the date 03\/15\/2024 does not fit/,
    );
  });

  it('skips records without date and amount, and keeps one with only one of them as an error', () => {
    const text =
      '!Type:Bank\nD2024-01-05\nPNo amount\n^\nT-3.00\nPNo date\n^\nMJust a memo\n^\n^\n';
    const lines = readQif(text, readerContext()).lines;
    expect(lines).toEqual([
      {
        line: 2,
        date: '2024-01-05',
        rawDate: '2024-01-05',
        payee: 'No amount',
        error: 'no amount (T)',
      },
      { line: 5, amountMinor: -300, rawAmount: '-3.00', payee: 'No date', error: 'no date (D)' },
    ]);
  });

  it('prefers T over U and reads U alone', () => {
    const text = '!Type:Bank\nD2024-01-05\nU-9.00\nT-8.00\n^\nD2024-01-06\nU-7.00\n^';
    expect(readQif(text, readerContext()).lines.map((line) => line.amountMinor)).toEqual([
      -800, -700,
    ]);
  });

  it('reads a reconciled mark as cleared only', () => {
    const text = '!Type:Bank\nD2024-01-05\nT1\nCX\n^\nD2024-01-06\nT1\nCR\n^\nD2024-01-07\nT1\n^';
    expect(readQif(text, readerContext()).lines.map((line) => line.cleared)).toEqual([
      true,
      true,
      undefined,
    ]);
  });

  it('marks a record whose splits do not add up to its amount, or lack an amount', () => {
    const text =
      '!Type:Bank\nD2024-01-05\nT-10.00\nSA\n$-4.00\nSB\n$-5.00\n^\n' +
      'D2024-01-06\nT-10.00\nSA\n$-10.00\nSB\nEno amount\n^';
    expect(readQif(text, readerContext()).lines.map((line) => [line.error, line.splits])).toEqual([
      ['the splits add up to -9.00 but the amount is -10.00', undefined],
      ['split 2 has no amount ($)', undefined],
    ]);
  });

  it('folds a single split into its record', () => {
    const text = '!Type:Bank\nD2024-01-05\nT-10.00\nSFood:Snacks\nEChips\n$-10.00\n^';
    expect(readQif(text, readerContext()).lines[0]).toMatchObject({
      categoryGroup: 'Food',
      categoryName: 'Snacks',
      notes: 'Chips',
    });
    expect(readQif(text, readerContext()).lines[0].splits).toBeUndefined();
  });

  it('reads comma decimals when the file shows them, or with options.decimal', () => {
    const text = '!Type:Bank\nD05.01.2024\nT-1.234,50\n^\nD06.01.2024\nT-2.000\n^';
    const read = readQif(text, readerContext());
    expect(read.detected).toEqual({ dateFormat: 'DD.MM.YYYY', decimal: ',' });
    expect(read.lines.map((line) => line.amountMinor)).toEqual([-123450, -200000]);
    const alone = '!Type:Bank\nD05.01.2024\nT-2.000\n^';
    expect(readQif(alone, readerContext()).ambiguities).toEqual({ decimal: ['.', ','] });
    expect(readQif(alone, readerContext('EUR', { decimal: ',' })).lines[0].amountMinor).toBe(
      -200000,
    );
  });

  it('reads an empty section as no lines, and refuses text without header or transactions', () => {
    expect(readQif('!Type:Bank\n', readerContext()).lines).toEqual([]);
    expect(() => readQif('hello\nworld', readerContext())).toThrow(
      new ImportFileError('no !Type header and no transactions: this is not a QIF file'),
    );
  });
});
