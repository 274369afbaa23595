import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { dateField, moneyField, uuidField } from '../field-types';

/**
 * A finished reconcile of an account against a bank statement: the statement's date and balance
 * and what the ticked rows summed to (equal to the balance once finished, with an adjustment
 * transaction when they differed). Rows never change once written.
 */
export const reconciliations = defineSyncedEntity({
  modelName: 'reconciliations',
  label: 'Reconciliation',
  fields: {
    accountId: uuidField(),
    statementDate: dateField(),
    statementBalanceMinor: moneyField(),
    clearedTotalMinor: moneyField(),
    adjustmentId: uuidField().nullish(),
  },
  clientIndexes: ['accountId'],
  insertOnly: true,
  wording: {
    fieldLabels: {
      accountId: 'Account',
      statementDate: 'Statement date',
      statementBalanceMinor: 'Statement balance',
      clearedTotalMinor: 'Cleared total',
      adjustmentId: 'Adjustment',
    },
    rowPhrase: [{ field: 'statementDate', before: ' of ' }],
  },
});

export type Reconciliation = EntityRecord<typeof reconciliations>;
