import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { booleanField, intField, nameField } from '../field-types';

/**
 * A budget category. `carryOverspending`: a negative available balance carries into the next
 * month instead of reducing next month's To Budget (FINANCE §3).
 */
export const categories = defineSyncedEntity({
  modelName: 'categories',
  label: 'Category',
  fields: {
    name: nameField(),
    groupName: nameField(),
    isIncome: booleanField(),
    hidden: booleanField(),
    sortOrder: intField(),
    carryOverspending: booleanField(),
  },
  // Added later: creates from clients that do not send it yet get the flag off.
  defaults: { carryOverspending: false },
  wording: {
    fieldLabels: {
      groupName: 'Group',
      sortOrder: 'Order',
      carryOverspending: 'Carry overspending into next month',
    },
    rowPhrase: [{ field: 'name', quoted: true }],
  },
});

export type Category = EntityRecord<typeof categories>;
