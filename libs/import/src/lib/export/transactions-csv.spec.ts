import Papa from 'papaparse';
import { accountBalances } from '@finwise/finance';
import { transactionsCsv, type TransactionsCsvInput } from './transactions-csv';
import {
  EXPECTED_LINES,
  HEADER,
  fixtureAccounts,
  fixtureCategories,
  fixturePayees,
  fixtureTransactions,
  id,
} from './transactions-csv.fixture';

const household: TransactionsCsvInput = {
  transactions: fixtureTransactions,
  accounts: fixtureAccounts,
  categories: fixtureCategories,
  payees: fixturePayees,
};

describe('transactionsCsv', () => {
  it('writes the hand-computed file: splits, both legs of a transfer, JPY and KWD, quoting', () => {
    expect(transactionsCsv(household)).toBe(EXPECTED_LINES.map((l) => `${l}\r\n`).join(''));
  });

  it('writes only the header for a household without rows', () => {
    expect(transactionsCsv({ transactions: [], accounts: [], categories: [], payees: [] })).toBe(
      `${HEADER}\r\n`,
    );
  });

  it('starts with a byte order mark only when asked', () => {
    expect(transactionsCsv(household).charCodeAt(0)).toBe('i'.charCodeAt(0));
    expect(transactionsCsv({ ...household, byteOrderMark: true }).startsWith('\uFEFFid,')).toBe(
      true,
    );
  });

  it("keeps one account's lines, its split lines and the legs of transfers into it", () => {
    const yen = transactionsCsv({ ...household, accountId: id('a2') });
    expect(yen).toBe(`${HEADER}\r\n${EXPECTED_LINES[8]}\r\n`);
    const checking = transactionsCsv({ ...household, accountId: id('a1') });
    expect(checking).toBe(
      EXPECTED_LINES.slice(0, 6)
        .map((l) => `${l}\r\n`)
        .join(''),
    );
  });

  it('filters on the effective date, both ends inclusive', () => {
    const csv = transactionsCsv({ ...household, from: '2026-01-07', to: '2026-01-10' });
    const ids = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.slice(0, 36));
    expect(ids).toEqual([id('d3'), id('d2'), id('d4'), id('d5'), id('d3')]);
  });

  it('a parent missing from the rows makes its split lines dead, not orphans', () => {
    const csv = transactionsCsv({
      ...household,
      transactions: fixtureTransactions.filter((t) => t.id !== id('d2')),
    });
    expect(csv).not.toContain(id('d4'));
    expect(csv).not.toContain(id('d5'));
  });

  it('the lines of each account with an empty parent_id sum to its balance', () => {
    const parsed = Papa.parse<Record<string, string>>(transactionsCsv(household), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const sums = new Map<string, number>();
    for (const line of parsed.data) {
      if (line['parent_id'] !== '') continue;
      const account = fixtureAccounts.find((a) => a.name === line['account']);
      if (!account) throw new Error(`unknown account ${line['account']}`);
      sums.set(account.id, (sums.get(account.id) ?? 0) + Number(line['amount_minor']));
    }
    const balances = accountBalances(fixtureTransactions, fixtureAccounts);
    expect(balances.get(id('a1'))).toBe(-16234);
    for (const [accountId, balance] of balances) {
      expect(sums.get(accountId) ?? 0).toBe(balance);
    }
  });

  it('reads back cell for cell through an RFC 4180 parser', () => {
    const parsed = Papa.parse<string[]>(transactionsCsv(household), { skipEmptyLines: true });
    expect(parsed.data[1][4]).toBe('Café "Bar", Ltd');
    expect(parsed.data[1][8]).toBe('first\r\nsecond');
    expect(parsed.data.every((cells) => cells.length === 15)).toBe(true);
  });
});
