import { CHECKING, DOLLARS, SAVINGS, existing } from '../../testing/dedup-fixtures';
import type { ExistingTransaction } from './existing-transaction';
import { fuzzyCandidateFinder } from './fuzzy-candidates';

const ACCOUNTS = [
  { id: CHECKING, name: 'Checking', currency: 'EUR' },
  { id: SAVINGS, name: 'Savings', currency: 'EUR' },
  { id: DOLLARS, name: 'Dollars', currency: 'USD' },
];

const find = (rows: ExistingTransaction[], date = '2026-03-10', amountMinor = -1250) =>
  fuzzyCandidateFinder(CHECKING, 'EUR', rows, ACCOUNTS)({ date, amountMinor }).map((c) => c.row.id);

describe('fuzzyCandidateFinder', () => {
  it('offers rows of the same amount within ±7 days, nearest first, ties by id', () => {
    const rows = [
      existing({ id: 'far', date: '2026-03-17' }),
      existing({ id: 'too-far', date: '2026-03-02' }),
      existing({ id: 'b-near', date: '2026-03-11' }),
      existing({ id: 'a-near', date: '2026-03-09' }),
      existing({ id: 'other-amount', amountMinor: -1251 }),
    ];
    expect(find(rows)).toEqual(['a-near', 'b-near', 'far']);
  });

  it('leaves out rows with a bank id, split lines, tombstones and other accounts', () => {
    const rows = [
      existing({ id: 'imported', importedId: 'FIT-1' }),
      existing({ id: 'child', parentId: 'parent' }),
      existing({ id: 'deleted', deletedAt: '2026-03-01T00:00:00.000Z' }),
      existing({ id: 'savings', accountId: SAVINGS }),
      existing({ id: 'manual' }),
    ];
    expect(find(rows)).toEqual(['manual']);
  });

  it('offers the far side of a transfer by the amount this account sees', () => {
    const rows = [
      existing({
        id: 'from-savings',
        accountId: SAVINGS,
        amountMinor: 1250,
        transferAccountId: CHECKING,
      }),
      // One currency: always the negated amount, whatever transferAmountMinor says.
      existing({
        id: 'same-currency',
        accountId: SAVINGS,
        amountMinor: 1250,
        transferAmountMinor: 999,
        transferAccountId: CHECKING,
      }),
      existing({
        id: 'from-dollars',
        accountId: DOLLARS,
        amountMinor: 1400,
        transferAmountMinor: -1250,
        transferAccountId: CHECKING,
      }),
      existing({
        id: 'claimed',
        accountId: SAVINGS,
        amountMinor: 1250,
        transferAccountId: CHECKING,
        transferImportedId: 'FIT-1',
      }),
    ];
    expect(find(rows)).toEqual(['from-dollars', 'from-savings', 'same-currency']);
  });

  it('marks a candidate reconciled on the side that lives in this account', () => {
    const rows = [
      existing({ id: 'own', reconciled: true }),
      existing({
        id: 'leg',
        accountId: SAVINGS,
        amountMinor: 1250,
        transferAccountId: CHECKING,
        reconciled: true,
        transferReconciled: false,
      }),
    ];
    const found = fuzzyCandidateFinder(
      CHECKING,
      'EUR',
      rows,
      ACCOUNTS,
    )({ date: '2026-03-10', amountMinor: -1250 });
    expect(found.map((c) => [c.row.id, c.side, c.reconciled])).toEqual([
      ['leg', 'transfer', false],
      ['own', 'own', true],
    ]);
  });
});
