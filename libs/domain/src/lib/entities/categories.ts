import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { booleanField, intField, nameField } from '../field-types';

export const categories = defineSyncedEntity({
  modelName: 'categories',
  label: 'Category',
  fields: {
    name: nameField(),
    groupName: nameField(),
    isIncome: booleanField(),
    hidden: booleanField(),
    sortOrder: intField(),
  },
  wording: {
    fieldLabels: { groupName: 'Group', sortOrder: 'Order' },
    rowPhrase: [{ field: 'name', quoted: true }],
  },
});

export type Category = EntityRecord<typeof categories>;
