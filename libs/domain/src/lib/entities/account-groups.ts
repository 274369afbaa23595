import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { intField, nameField } from '../field-types';

export const accountGroups = defineSyncedEntity({
  modelName: 'account_groups',
  label: 'Account group',
  fields: {
    name: nameField(),
    sortOrder: intField(),
  },
  wording: {
    fieldLabels: { name: 'Group name', sortOrder: 'Order' },
    rowPhrase: [{ field: 'name', quoted: true }],
  },
});

export type AccountGroup = EntityRecord<typeof accountGroups>;
