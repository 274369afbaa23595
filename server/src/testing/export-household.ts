import {
  budgetId,
  budgetMonthId,
  payeeIdFor,
  settingsId,
  starterCategoryId,
} from '@finwise/domain';
import type { PushAck } from '@finwise/sync-protocol';
import type { TestServer, TestSession } from './test-server';
import { TestSyncClient } from './test-sync-client';

/** Fixed ids (unique per household, so every household of a suite may reuse them). */
export const id = (suffix: string) => `00000000-0000-4000-8000-0000000000${suffix}`;

export const CHECKING = id('a1');
export const YEN = id('a2');
export const KUWAIT = id('a3');
export const OLD_ACCOUNT = id('a4');
export const GROCERIES = starterCategoryId('groceries');
export const DINING = id('c2');
export const OLD_PAYEE = payeeIdFor('Cafe (old name)');
export const CAFE = payeeIdFor('Café "Bar", Ltd');
export const MARKET = payeeIdFor('Market');

export interface SeededHousehold {
  session: TestSession;
  client: TestSyncClient;
}

export async function push(
  client: TestSyncClient,
  modelName: string,
  operation: 'create' | 'update' | 'delete',
  data: { id: string } & Record<string, unknown>,
): Promise<void> {
  const ack = (await client.push([client.mutation(modelName, operation, data)])) as PushAck;
  if (ack.results[0]?.status !== 'applied') {
    throw new Error(`${modelName} ${operation} not applied: ${JSON.stringify(ack.results[0])}`);
  }
}

/** What sign-up writes in the app: the settings row and the starter categories. */
export async function signUpRows(client: TestSyncClient, currency = 'EUR'): Promise<void> {
  await push(client, 'settings', 'create', { id: settingsId(), budgetCurrency: currency });
  for (const [key, name] of [
    ['groceries', 'Groceries'],
    ['rent', 'Rent'],
  ] as const) {
    await push(client, 'categories', 'create', {
      id: starterCategoryId(key),
      name,
      groupName: 'Everyday',
      isIncome: false,
      hidden: false,
      sortOrder: 0,
    });
  }
}

/**
 * A household with a split, a cross-currency transfer, JPY and KWD accounts, a merged payee,
 * text that needs quoting, a deleted row and a deleted account: the data of the CSV fixture.
 */
export async function seedHousehold(server: TestServer): Promise<SeededHousehold> {
  const session = await server.signup();
  const client = await TestSyncClient.connected(server.url, session.accessToken);
  await signUpRows(client);
  const account = (accountId: string, name: string, currency: string, onBudget: boolean) =>
    push(client, 'accounts', 'create', {
      id: accountId,
      name,
      type: 'checking',
      currency,
      onBudget,
      closed: false,
      sortOrder: 0,
    });
  await account(CHECKING, 'Checking', 'EUR', true);
  await account(YEN, 'Yen wallet', 'JPY', false);
  await account(KUWAIT, 'Kuwait', 'KWD', false);
  await account(OLD_ACCOUNT, 'Old', 'EUR', true);
  await push(client, 'categories', 'create', {
    id: DINING,
    name: 'Dining',
    groupName: 'Everyday',
    isIncome: false,
    hidden: false,
    sortOrder: 1,
  });
  await push(client, 'payees', 'create', { id: CAFE, name: 'Café "Bar", Ltd' });
  await push(client, 'payees', 'create', { id: MARKET, name: 'Market' });
  await push(client, 'payees', 'create', {
    id: OLD_PAYEE,
    name: 'Cafe (old name)',
    mergedIntoId: CAFE,
  });
  const row = (fields: { id: string } & Record<string, unknown>) =>
    push(client, 'transactions', 'create', {
      accountId: CHECKING,
      date: '2026-01-01',
      amountMinor: 0,
      cleared: false,
      reconciled: false,
      ...fields,
    });
  await row({
    id: id('d1'),
    date: '2026-01-05',
    amountMinor: -1234,
    payeeId: OLD_PAYEE,
    cleared: true,
    notes: 'first\r\nsecond',
    importedId: 'imp-1',
  });
  await row({
    id: id('d2'),
    date: '2026-01-10',
    amountMinor: -5000,
    payeeId: MARKET,
    cleared: true,
    reconciled: true,
    categoryId: GROCERIES,
  });
  await row({
    id: id('d5'),
    parentId: id('d2'),
    accountId: KUWAIT,
    date: '2020-01-01',
    amountMinor: -3000,
    categoryId: GROCERIES,
  });
  await row({ id: id('d4'), parentId: id('d2'), amountMinor: -2000, categoryId: DINING });
  await row({
    id: id('d3'),
    date: '2026-01-07',
    amountMinor: -10000,
    notes: 'Trip money',
    transferAccountId: YEN,
    transferAmountMinor: 15000,
    transferCleared: true,
    transferImportedId: 'jp-9',
  });
  await row({ id: id('d6'), accountId: KUWAIT, date: '2026-02-01', amountMinor: 1234567 });
  await row({
    id: id('d7'),
    accountId: KUWAIT,
    date: '2026-02-02',
    amountMinor: -5,
    notes: '=1+1',
  });
  await row({ id: id('d8'), amountMinor: -999 });
  await push(client, 'transactions', 'delete', { id: id('d8') });
  await row({ id: id('d9'), accountId: OLD_ACCOUNT, amountMinor: -777 });
  await push(client, 'accounts', 'delete', { id: OLD_ACCOUNT });
  return { session, client };
}

/** The rest of a household's entities, for the backup. */
export async function seedBudget(client: TestSyncClient): Promise<void> {
  await push(client, 'account_groups', 'create', { id: id('e1'), name: 'Cash', sortOrder: 0 });
  await push(client, 'budgets', 'create', {
    id: budgetId(DINING, '2026-01'),
    categoryId: DINING,
    month: '2026-01',
    budgetedMinor: 20_000,
  });
  await push(client, 'budget_moves', 'create', {
    id: id('f1'),
    month: '2026-01',
    fromCategoryId: null,
    toCategoryId: GROCERIES,
    amountMinor: 5_000,
    note: 'top up',
  });
  await push(client, 'budget_months', 'create', {
    id: budgetMonthId('2026-01'),
    month: '2026-01',
    heldMinor: 1_000,
  });
  await push(client, 'reconciliations', 'create', {
    id: id('f2'),
    accountId: CHECKING,
    statementDate: '2026-01-31',
    statementBalanceMinor: -16_234,
    clearedTotalMinor: -16_234,
    adjustmentId: null,
  });
}

/** The CSV of the household above, written by hand. */
export const HEADER =
  'id,date,account,account_currency,payee,transfer_account,category_group,category,notes,amount,amount_minor,currency,status,parent_id,imported_id';

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

/** The balances the ledger gives the accounts above. */
export const BALANCES: Record<string, number> = {
  Checking: -16_234,
  Kuwait: 1_234_562,
  'Yen wallet': 15_000,
};
