import type { PayeeRow } from '@finwise/finance';
import type { ExportAccount, ExportCategory, ExportTransaction } from './transactions-csv';

/** A small household with a split, a cross-currency transfer, JPY and KWD accounts and hard text. */
export const id = (suffix: string) => `00000000-0000-4000-8000-0000000000${suffix}`;

export const fixtureAccounts: ExportAccount[] = [
  { id: id('a1'), name: 'Checking', currency: 'EUR', onBudget: true, deletedAt: null },
  { id: id('a2'), name: 'Yen wallet', currency: 'JPY', onBudget: false, deletedAt: null },
  { id: id('a3'), name: 'Kuwait', currency: 'KWD', onBudget: false, deletedAt: null },
  { id: id('a4'), name: 'Old', currency: 'EUR', onBudget: true, deletedAt: '2026-01-01T00:00:00Z' },
];

export const fixtureCategories: ExportCategory[] = [
  { id: id('c1'), name: 'Groceries', groupName: 'Everyday', deletedAt: null },
  { id: id('c2'), name: 'Dining', groupName: 'Everyday', deletedAt: null },
];

export const fixturePayees: PayeeRow[] = [
  { id: id('b1'), name: 'Cafe (old name)', mergedIntoId: id('b2') },
  { id: id('b2'), name: 'Café "Bar", Ltd', mergedIntoId: null },
  { id: id('b3'), name: 'Market', mergedIntoId: null },
];

const row = (fields: Partial<ExportTransaction> & { id: string }): ExportTransaction => ({
  accountId: id('a1'),
  date: '2026-01-01',
  amountMinor: 0,
  cleared: false,
  reconciled: false,
  deletedAt: null,
  ...fields,
});

export const fixtureTransactions: ExportTransaction[] = [
  row({
    id: id('d1'),
    date: '2026-01-05',
    amountMinor: -1234,
    payeeId: id('b1'),
    cleared: true,
    notes: 'first\r\nsecond',
    importedId: 'imp-1',
  }),
  row({
    id: id('d2'),
    date: '2026-01-10',
    amountMinor: -5000,
    payeeId: id('b3'),
    cleared: true,
    reconciled: true,
    categoryId: id('c1'),
  }),
  // Split lines: their stored account, date and flags are ignored for their parent's.
  row({
    id: id('d5'),
    parentId: id('d2'),
    accountId: id('a3'),
    date: '2020-01-01',
    amountMinor: -3000,
    categoryId: id('c1'),
  }),
  row({ id: id('d4'), parentId: id('d2'), amountMinor: -2000, categoryId: id('c2') }),
  row({
    id: id('d3'),
    date: '2026-01-07',
    amountMinor: -10000,
    notes: 'Trip money',
    transferAccountId: id('a2'),
    transferAmountMinor: 15000,
    transferCleared: true,
    transferImportedId: 'jp-9',
  }),
  row({ id: id('d6'), accountId: id('a3'), date: '2026-02-01', amountMinor: 1234567 }),
  row({ id: id('d7'), accountId: id('a3'), date: '2026-02-02', amountMinor: -5, notes: '=1+1' }),
  row({ id: id('d8'), amountMinor: -999, deletedAt: '2026-01-02T00:00:00Z' }),
  row({ id: id('d9'), accountId: id('a4'), amountMinor: -777 }),
];

export const HEADER =
  'id,date,account,account_currency,payee,transfer_account,category_group,category,notes,amount,amount_minor,currency,status,parent_id,imported_id';

/** The file above, written by hand. */
export const EXPECTED_LINES = [
  HEADER,
  `${id('d1')},2026-01-05,Checking,EUR,"Café ""Bar"", Ltd",,,,"first\r\nsecond",-12.34,-1234,EUR,cleared,,imp-1`,
  `${id('d3')},2026-01-07,Checking,EUR,,Yen wallet,,,Trip money,-100.00,-10000,EUR,uncleared,,`,
  `${id('d2')},2026-01-10,Checking,EUR,Market,,,,,-50.00,-5000,EUR,reconciled,,`,
  `${id('d4')},2026-01-10,Checking,EUR,,,Everyday,Dining,,-20.00,-2000,EUR,reconciled,${id('d2')},`,
  `${id('d5')},2026-01-10,Checking,EUR,,,Everyday,Groceries,,-30.00,-3000,EUR,reconciled,${id('d2')},`,
  `${id('d6')},2026-02-01,Kuwait,KWD,,,,,,1234.567,1234567,KWD,uncleared,,`,
  `${id('d7')},2026-02-02,Kuwait,KWD,,,,,=1+1,-0.005,-5,KWD,uncleared,,`,
  `${id('d3')},2026-01-07,Yen wallet,JPY,,Checking,,,Trip money,15000,15000,JPY,cleared,,jp-9`,
];
