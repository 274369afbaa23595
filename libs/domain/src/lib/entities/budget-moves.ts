import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { moneyField, monthField, textField, uuidField } from '../field-types';

/**
 * Money moved in a month's budget between two categories, or between a category and To Budget
 * (a null side). A move is a row of its own, never two overwritten cells, so two devices moving
 * money out of one category offline both keep their move. Rows never change once written
 * (undo deletes the row).
 */
export const budgetMoves = defineSyncedEntity({
  modelName: 'budget_moves',
  label: 'Budget move',
  fields: {
    month: monthField(),
    fromCategoryId: uuidField().nullish(),
    toCategoryId: uuidField().nullish(),
    amountMinor: moneyField(),
    note: textField().nullish(),
  },
  clientIndexes: ['month'],
  insertOnly: true,
  rowRules: [
    {
      path: 'amountMinor',
      message: 'must be more than 0 (a move goes from one side to the other)',
      holds: (row) => typeof row['amountMinor'] !== 'number' || row['amountMinor'] > 0,
    },
    {
      path: 'toCategoryId',
      message: 'must differ from fromCategoryId (a move needs two different sides)',
      holds: (row) => (row['fromCategoryId'] ?? null) !== (row['toCategoryId'] ?? null),
    },
  ],
  wording: {
    fieldLabels: {
      month: 'Month',
      fromCategoryId: 'From category',
      toCategoryId: 'To category',
      amountMinor: 'Amount',
      note: 'Note',
    },
    rowPhrase: [{ field: 'month', before: ' in ' }],
  },
});

export type BudgetMove = EntityRecord<typeof budgetMoves>;
