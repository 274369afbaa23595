import { BUDGET_ID_NAMESPACE, importSettingsId } from '../deterministic-ids';
import { defineSyncedEntity, type EntityRecord } from '../synced-entity';
import { textField, uuidField } from '../field-types';

/**
 * How bank files for one account are read (FINANCE §5: "map columns (remembered per account)"):
 * `options` is the JSON of the import options the user last imported with (format, encoding,
 * delimiter, header, skipped lines, column mapping, date format, decimal mark, sign, payee from
 * memo). One row per account with a derived id; never deleted, since a tombstone of a derived id
 * would keep the account from remembering anything again.
 */
export const importSettings = defineSyncedEntity({
  modelName: 'import_settings',
  label: 'Import settings',
  fields: {
    accountId: uuidField(),
    options: textField(),
  },
  clientIndexes: ['accountId'],
  deletable: false,
  identity: {
    fields: ['accountId'],
    idFor: (values) => importSettingsId(String(values['accountId'])),
    describe: `the UUIDv5 of "import-settings:<accountId>" in namespace ${BUDGET_ID_NAMESPACE}`,
  },
  wording: {
    fieldLabels: {
      accountId: 'Account',
      options: 'Import options',
    },
    rowPhrase: [
      {
        from: { via: 'accountId', entity: 'accounts', field: 'name' },
        before: ' of ',
        quoted: true,
        ifEmpty: 'an account',
      },
    ],
  },
});

export type ImportSetting = EntityRecord<typeof importSettings>;
