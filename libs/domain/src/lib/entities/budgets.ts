import { budgetId, BUDGET_ID_NAMESPACE } from '../deterministic-ids';
import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { moneyField, monthField, uuidField } from '../field-types';

export const budgets = defineSyncedEntity({
  modelName: 'budgets',
  label: 'Budget',
  fields: {
    categoryId: uuidField(),
    month: monthField(),
    budgetedMinor: moneyField(),
  },
  clientIndexes: ['month'],
  deletable: false,
  identity: {
    fields: ['categoryId', 'month'],
    idFor: (values) => budgetId(String(values['categoryId']), String(values['month'])),
    describe: `the UUIDv5 of "<categoryId>:<month>" in namespace ${BUDGET_ID_NAMESPACE}`,
  },
  wording: {
    fieldLabels: { categoryId: 'Category', budgetedMinor: 'Budgeted amount' },
    rowPhrase: [
      {
        from: { via: 'categoryId', entity: 'categories', field: 'name' },
        before: ' for ',
        ifEmpty: 'a category',
      },
      { field: 'month', before: ' in ' },
    ],
  },
});

export type Budget = EntityRecord<typeof budgets>;
