import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { intField, nameField } from '../field-types';

export const accountGroups = defineSyncedEntity({
  modelName: 'account_groups',
  label: 'Account group',
  fields: {
    name: nameField(),
    sortOrder: intField(),
  },
});

export type AccountGroup = EntityRecord<typeof accountGroups>;
