import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import {
  booleanField,
  currencyField,
  enumField,
  intField,
  nameField,
  textField,
  uuidField,
} from '../field-types';

export const ACCOUNT_TYPES = [
  'checking',
  'savings',
  'credit',
  'cash',
  'investment',
  'loan',
  'other',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const accounts = defineSyncedEntity({
  modelName: 'accounts',
  label: 'Account',
  fields: {
    name: nameField(),
    groupId: uuidField().nullish(),
    type: enumField(ACCOUNT_TYPES),
    currency: currencyField(),
    onBudget: booleanField(),
    closed: booleanField(),
    sortOrder: intField(),
    note: textField().nullish(),
  },
  clientIndexes: ['groupId'],
  wording: {
    fieldLabels: { groupId: 'Group', sortOrder: 'Order' },
    rowPhrase: [{ field: 'name', quoted: true }],
  },
});

export type Account = EntityRecord<typeof accounts>;
