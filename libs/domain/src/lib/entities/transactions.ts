import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import {
  booleanField,
  dateField,
  moneyField,
  shortTextField,
  textField,
  uuidField,
} from '../field-types';

/**
 * A transfer is one row with `transferAccountId` set (shown negated in the other account);
 * a split is a parent row plus children pointing at it with `parentId`.
 */
export const transactions = defineSyncedEntity({
  modelName: 'transactions',
  label: 'Transaction',
  fields: {
    accountId: uuidField(),
    date: dateField(),
    amountMinor: moneyField(),
    payee: shortTextField(),
    notes: textField().nullish(),
    categoryId: uuidField().nullish(),
    cleared: booleanField(),
    reconciled: booleanField(),
    transferAccountId: uuidField().nullish(),
    transferCleared: booleanField().nullish(),
    transferReconciled: booleanField().nullish(),
    parentId: uuidField().nullish(),
  },
  clientIndexes: ['accountId', 'transferAccountId', 'date'],
  wording: {
    fieldLabels: {
      accountId: 'Account',
      amountMinor: 'Amount',
      categoryId: 'Category',
      transferAccountId: 'Transfer account',
      parentId: 'Split parent',
    },
    rowPhrase: [
      { field: 'payee', quoted: true, ifEmpty: 'no payee' },
      {
        field: 'amountMinor',
        before: ', ',
        currency: { via: 'accountId', entity: 'accounts', field: 'currency' },
      },
      { field: 'date', before: ' on ' },
    ],
  },
});

export type Transaction = EntityRecord<typeof transactions>;
