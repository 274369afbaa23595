import { indexPayees } from '../../data/views/payee-index';
import { indexTransactions } from '../../data/views/transaction-index';
import { accountRow, categoryRow, payeeRow, transactionRow } from '../../testing/rows';
import { EMPTY_REGISTER_QUERY, type RegisterQuery } from './register-query';
import { buildRegisterSearchIndex } from './register-search-index';
import { searchNames } from './search-names';
import { searchRegister, type AmountFormat } from './search-register';

describe('searchRegister', () => {
  const checking = accountRow({ name: 'Checking', currency: 'EUR' });
  const savings = accountRow({ name: 'Holiday savings', currency: 'EUR' });
  const groceries = categoryRow({ name: 'Groceries' });
  const dining = categoryRow({ name: 'Dining out' });
  const deadCategoryId = '00000000-0000-4000-8000-00000000dead';
  const bakery = payeeRow({ name: 'Bäckerei Müller' });
  const market = payeeRow({ name: 'Super Market' });
  const oldMarket = payeeRow({ name: 'Supermarkt (old)', mergedIntoId: market.id });
  const employer = payeeRow({ name: 'Employer' });

  const bread = transactionRow({
    accountId: checking.id,
    date: '2026-01-05',
    payeeId: bakery.id,
    categoryId: groceries.id,
    amountMinor: -1250,
    notes: 'Sourdough for the weekend',
    cleared: true,
  });
  const salary = transactionRow({
    accountId: checking.id,
    date: '2026-01-01',
    payeeId: employer.id,
    amountMinor: 1250,
    notes: null,
    cleared: true,
  });
  const weekly = transactionRow({
    accountId: checking.id,
    date: '2026-01-10',
    payeeId: oldMarket.id,
    amountMinor: -8000,
  });
  const weeklyFood = transactionRow({
    accountId: checking.id,
    parentId: weekly.id,
    categoryId: groceries.id,
    amountMinor: -5000,
  });
  const weeklyLunch = transactionRow({
    accountId: checking.id,
    parentId: weekly.id,
    categoryId: dining.id,
    amountMinor: -2000,
    notes: 'Lunch with Ana',
  });
  const toSavings = transactionRow({
    accountId: checking.id,
    date: '2026-01-31',
    transferAccountId: savings.id,
    amountMinor: -10_000,
    cleared: false,
  });
  const mystery = transactionRow({
    accountId: checking.id,
    date: '2026-01-31',
    amountMinor: -99,
    categoryId: deadCategoryId,
    reconciled: true,
    cleared: true,
  });
  const rows = [bread, salary, weekly, weeklyFood, weeklyLunch, toSavings, mystery];
  const accounts = [checking, savings];
  const ledger = indexTransactions(rows, accounts);
  const lines = ledger.byAccount.get(checking.id) ?? [];
  const index = buildRegisterSearchIndex(lines, ledger.childrenByParent, ledger.remainders);
  const names = searchNames(
    indexPayees([bakery, market, oldMarket, employer], rows),
    [groceries, dining],
    accounts,
  );
  const euros: AmountFormat = { minorDigits: 2, decimalSeparator: '.' };

  function find(query: Partial<RegisterQuery>, format: AmountFormat = euros): string[] {
    return searchRegister(index, { ...EMPTY_REGISTER_QUERY, ...query }, names, format).map(
      (position) => lines[position].transaction.id,
    );
  }

  it('finds rows by a fragment of the payee name, ignoring case and accents', () => {
    expect(find({ text: 'backer' })).toEqual([bread.id]);
    expect(find({ text: 'MÜLL' })).toEqual([bread.id]);
  });

  it('finds rows of a payee merged into the one whose name is typed', () => {
    expect(find({ text: 'super market' })).toEqual([weekly.id]);
    expect(find({ text: 'market' })).toEqual([weekly.id]);
  });

  it('finds notes by the start of a word, also in split lines', () => {
    expect(find({ text: 'sourd' })).toEqual([bread.id]);
    expect(find({ text: 'weekend' })).toEqual([bread.id]);
    expect(find({ text: 'ana' })).toEqual([weekly.id]);
    expect(find({ text: 'ough' })).toEqual([]);
  });

  it("finds rows by category, a split parent by its lines' categories, transfers by the other account", () => {
    expect(find({ text: 'groceries' })).toEqual([bread.id, weekly.id]);
    expect(find({ text: 'dining' })).toEqual([weekly.id]);
    expect(find({ text: 'holiday' })).toEqual([toSavings.id]);
  });

  it('reads an amount with the money parser in the account currency', () => {
    expect(find({ text: '12.50' })).toEqual([salary.id, bread.id]);
    expect(find({ text: '12,50' })).toEqual([salary.id, bread.id]);
    expect(find({ text: '-12.50' })).toEqual([bread.id]);
    expect(find({ text: '+12.50' })).toEqual([salary.id]);
    expect(find({ text: '100' })).toEqual([toSavings.id]);
    expect(find({ text: '0.99' })).toEqual([mystery.id]);
    expect(find({ text: '12.5' })).toEqual([salary.id, bread.id]);
  });

  it("finds a split line's amount and shows its parent", () => {
    expect(find({ text: '-20' })).toEqual([weekly.id]);
    expect(find({ text: '80' })).toEqual([weekly.id]);
  });

  it('uses the currency minor digits and the user decimal separator', () => {
    const yen: AmountFormat = { minorDigits: 0, decimalSeparator: '.' };
    // 1250 minor units are ¥1,250 in a zero-decimal currency.
    expect(find({ text: '1250' }, yen)).toEqual([salary.id, bread.id]);
    expect(find({ text: '12.50' }, yen)).toEqual([]);
    const german: AmountFormat = { minorDigits: 2, decimalSeparator: ',' };
    expect(find({ text: '12,50' }, german)).toEqual([salary.id, bread.id]);
  });

  it('needs every term to match, each anywhere', () => {
    expect(find({ text: 'groceries 12.50' })).toEqual([bread.id]);
    expect(find({ text: 'groceries lunch' })).toEqual([weekly.id]);
    expect(find({ text: 'groceries employer' })).toEqual([]);
  });

  it('filters uncleared rows, reconciled ones counting as cleared', () => {
    expect(find({ uncleared: true })).toEqual([weekly.id, toSavings.id]);
  });

  it('filters uncategorized rows: no or a deleted category, unbalanced splits, never transfers', () => {
    // The salary has no category; the split lines leave 10.00 unassigned.
    expect(find({ uncategorized: true })).toEqual([salary.id, weekly.id, mystery.id]);
  });

  it('filters by date range, both ends inclusive', () => {
    expect(find({ from: '2026-01-05', to: '2026-01-10' })).toEqual([bread.id, weekly.id]);
    expect(find({ from: '2026-01-31' })).toEqual([toSavings.id, mystery.id]);
    expect(find({ to: '2026-01-01' })).toEqual([salary.id]);
    expect(find({ from: '2026-01-02', to: '2026-01-04' })).toEqual([]);
    expect(find({ from: '2026-02-01', to: '2026-01-01' })).toEqual([]);
  });

  it('combines the text with every filter', () => {
    expect(find({ text: 'groceries', uncleared: true })).toEqual([weekly.id]);
    expect(find({ text: 'groceries', uncleared: true, uncategorized: true })).toEqual([weekly.id]);
    expect(find({ text: 'groceries', to: '2026-01-09' })).toEqual([bread.id]);
    expect(find({ uncleared: true, from: '2026-01-11' })).toEqual([toSavings.id]);
    expect(find({ text: '12.50', uncategorized: true, from: '2026-01-01' })).toEqual([salary.id]);
  });

  it('returns every row for an empty query and nothing for a term that matches nothing', () => {
    expect(find({})).toEqual(lines.map((line) => line.transaction.id));
    expect(find({ text: 'zzz' })).toEqual([]);
    expect(find({ text: '   ' })).toHaveLength(lines.length);
  });

  it('shows a transfer in the receiving account by the booking account and its side of the amount', () => {
    const savingsLines = ledger.byAccount.get(savings.id) ?? [];
    const savingsIndex = buildRegisterSearchIndex(
      savingsLines,
      ledger.childrenByParent,
      ledger.remainders,
    );
    const search = (text: string) =>
      searchRegister(savingsIndex, { ...EMPTY_REGISTER_QUERY, text }, names, euros);
    expect(search('checking')).toEqual([0]);
    expect(search('+100')).toEqual([0]);
    expect(search('-100')).toEqual([]);
  });
});
