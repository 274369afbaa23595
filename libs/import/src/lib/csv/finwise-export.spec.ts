import { readStatement } from '../read-statement';
import { ImportFileError } from '../model/statement';
import { TRANSACTIONS_CSV_COLUMNS } from '../export/transactions-csv';

const HEADER = TRANSACTIONS_CSV_COLUMNS.join(',');
const read = (lines: string[], currency = 'EUR') =>
  readStatement(
    new TextEncoder().encode([HEADER, ...lines].join('\r\n')),
    'export.csv',
    {},
    currency,
  );

const PARENT = 'a0000000-0000-4000-8000-000000000001';

describe('reading our own transactions export', () => {
  it('folds split lines into their parent and keeps category, transfer and status', () => {
    const statement = read([
      `${PARENT},2026-11-02,Giro,EUR,Market,,,,weekly shop,-30.00,-3000,EUR,reconciled,,BANK-7`,
      `b1,2026-11-02,Giro,EUR,Market,,Everyday,Groceries,,-20.00,-2000,EUR,reconciled,${PARENT},`,
      `b2,2026-11-02,Giro,EUR,Market,Savings,,,,-10.00,-1000,EUR,reconciled,${PARENT},`,
      'c1,2026-11-03,Giro,EUR,,Savings,Bills,Rent,,-5.00,-500,EUR,uncleared,,',
    ]);

    expect(statement.accountHint).toBe('Giro');
    expect(statement.lines).toEqual([
      expect.objectContaining({
        line: 2,
        date: '2026-11-02',
        amountMinor: -3000,
        payee: 'Market',
        notes: 'weekly shop',
        bankId: 'BANK-7',
        cleared: true,
        splits: [
          { amountMinor: -2000, categoryName: 'Groceries', categoryGroup: 'Everyday' },
          { amountMinor: -1000, transferAccountName: 'Savings' },
        ],
      }),
      expect.objectContaining({
        line: 5,
        amountMinor: -500,
        bankId: 'c1',
        categoryName: 'Rent',
        categoryGroup: 'Bills',
        transferAccountName: 'Savings',
        cleared: false,
      }),
    ]);
  });

  it('marks a split line without its parent, and an amount in another currency', () => {
    const statement = read([
      'a1,2026-11-02,Giro,EUR,,,,,,-1.00,-100,USD,cleared,,',
      'b1,2026-11-02,Giro,EUR,,,,,,-1.00,-100,EUR,cleared,missing-parent,',
    ]);

    expect(statement.lines.map((line) => [line.line, line.error])).toEqual([
      [2, 'the amount is in USD, the account is in EUR'],
      [3, 'the split parent missing-parent is not in the file'],
    ]);
  });

  it('refuses an export of several accounts, naming them', () => {
    expect(() =>
      read([
        'a1,2026-11-02,Giro,EUR,,,,,,-1.00,-100,EUR,cleared,,',
        'a2,2026-11-02,Savings,EUR,,,,,,-1.00,-100,EUR,cleared,,',
      ]),
    ).toThrow(
      new ImportFileError(
        'This export holds 2 accounts (Giro, Savings): export one account to import it into another',
      ),
    );
  });
});
