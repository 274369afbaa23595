import { BUDGET_ID_NAMESPACE, budgetMonthId } from '../deterministic-ids';
import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { moneyField, monthField } from '../field-types';

/**
 * What a month's budget holds for the next month ("hold for next month"). One row per month with
 * a deterministic id; released by setting `heldMinor` to 0, never deleted.
 */
export const budgetMonths = defineSyncedEntity({
  modelName: 'budget_months',
  label: 'Budget month',
  fields: {
    month: monthField(),
    heldMinor: moneyField(),
  },
  clientIndexes: ['month'],
  deletable: false,
  identity: {
    fields: ['month'],
    idFor: (values) => budgetMonthId(String(values['month'])),
    describe: `the UUIDv5 of "month:<month>" in namespace ${BUDGET_ID_NAMESPACE}`,
  },
  rowRules: [
    {
      path: 'heldMinor',
      message: 'must not be negative (release sets it to 0)',
      holds: (row) => typeof row['heldMinor'] !== 'number' || row['heldMinor'] >= 0,
    },
  ],
  wording: {
    fieldLabels: {
      month: 'Month',
      heldMinor: 'Held for next month',
    },
    rowPhrase: [{ field: 'month', before: ' for ' }],
  },
});

export type BudgetMonth = EntityRecord<typeof budgetMonths>;
