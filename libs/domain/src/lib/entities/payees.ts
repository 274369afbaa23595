import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { booleanField, nameField, uuidField } from '../field-types';

/**
 * Who a transaction was paid to or received from. The app creates a payee with the id of its
 * normalised name (`payeeIdFor`), so two offline devices typing the same new payee write one
 * row. Merging payee A into B sets `A.mergedIntoId = B`: one row write, never a rewrite of A's
 * transactions; readers follow `mergedIntoId` to the end. Payees are never deleted (a tombstone
 * would block the name forever).
 */
export const payees = defineSyncedEntity({
  modelName: 'payees',
  label: 'Payee',
  fields: {
    name: nameField(),
    defaultCategoryId: uuidField().nullish(),
    favorite: booleanField(),
    mergedIntoId: uuidField().nullish(),
  },
  clientIndexes: ['mergedIntoId'],
  deletable: false,
  defaults: { favorite: false },
  rowRules: [
    {
      path: 'mergedIntoId',
      message: 'must name another payee (a payee cannot be merged into itself)',
      holds: (row) => row['mergedIntoId'] == null || row['mergedIntoId'] !== row['id'],
    },
  ],
  wording: {
    fieldLabels: {
      name: 'Name',
      defaultCategoryId: 'Default category',
      favorite: 'Favorite',
      mergedIntoId: 'Merged into',
    },
    rowPhrase: [{ field: 'name', quoted: true }],
  },
});

export type Payee = EntityRecord<typeof payees>;
