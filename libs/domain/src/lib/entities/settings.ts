import { BUDGET_ID_NAMESPACE, settingsId } from '../deterministic-ids';
import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { currencyField, shortTextField } from '../field-types';

/**
 * The household's settings: one row per household with a fixed id, so two devices that set the
 * budget currency offline write the same row. A household without the row budgets in EUR.
 */
export const settings = defineSyncedEntity({
  modelName: 'settings',
  label: 'Settings',
  fields: {
    budgetCurrency: currencyField(),
    locale: shortTextField().nullish(),
  },
  deletable: false,
  identity: {
    fields: [],
    idFor: () => settingsId(),
    describe: `the UUIDv5 of "settings" in namespace ${BUDGET_ID_NAMESPACE} (one settings row per household)`,
  },
  wording: {
    fieldLabels: {
      budgetCurrency: 'Budget currency',
      locale: 'Language and region',
    },
    rowPhrase: [],
  },
});

export type Setting = EntityRecord<typeof settings>;
