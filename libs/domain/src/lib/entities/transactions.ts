import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { TRANSACTION_REFERENCE_RULES, TRANSACTION_ROW_RULES } from './transaction-rules';
import {
  booleanField,
  dateField,
  moneyField,
  shortTextField,
  textField,
  uuidField,
} from '../field-types';

/**
 * A transfer is one row with `transferAccountId` set (shown negated in the other account,
 * `transferAmountMinor` when that account books another amount, as between currencies); a split
 * is a parent row plus children pointing at it with `parentId`. The ledger rules that read
 * these fields are in FINANCE §2 and @finwise/finance.
 */
export const transactions = defineSyncedEntity({
  modelName: 'transactions',
  label: 'Transaction',
  fields: {
    accountId: uuidField(),
    date: dateField(),
    amountMinor: moneyField(),
    payeeId: uuidField().nullish(),
    importedId: shortTextField().nullish(),
    importedPayee: textField().nullish(),
    notes: textField().nullish(),
    categoryId: uuidField().nullish(),
    cleared: booleanField(),
    reconciled: booleanField(),
    transferAccountId: uuidField().nullish(),
    transferAmountMinor: moneyField().nullish(),
    transferCleared: booleanField().nullish(),
    transferReconciled: booleanField().nullish(),
    transferImportedId: shortTextField().nullish(),
    parentId: uuidField().nullish(),
  },
  clientIndexes: ['accountId', 'transferAccountId', 'date'],
  rowRules: TRANSACTION_ROW_RULES,
  referenceRules: TRANSACTION_REFERENCE_RULES,
  wording: {
    fieldLabels: {
      accountId: 'Account',
      amountMinor: 'Amount',
      payeeId: 'Payee',
      importedId: 'Bank id',
      importedPayee: 'Payee as the bank wrote it',
      categoryId: 'Category',
      transferAccountId: 'Transfer account',
      transferAmountMinor: 'Amount in the transfer account',
      transferImportedId: "Transfer side's bank id",
      parentId: 'Split parent',
    },
    rowPhrase: [
      {
        from: { via: 'payeeId', entity: 'payees', field: 'name' },
        quoted: true,
        ifEmpty: 'no payee',
      },
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
