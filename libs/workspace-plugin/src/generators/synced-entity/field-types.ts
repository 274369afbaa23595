/** The field types the generator understands (DESIGN: generator). */
export const FIELD_TYPES = [
  'string',
  'shortText',
  'text',
  'int',
  'money',
  'boolean',
  'date',
  'month',
  'uuid',
  'currency',
  'enum',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldTypeMapping {
  /** The `@finwise/domain` field builder that validates the value. */
  builder: string;
  sqlType: string;
  tsType: string;
}

/** How each type is validated (shared builder), stored (SQL) and typed on the server entity. */
export const FIELD_TYPE_MAPPINGS: Record<FieldType, FieldTypeMapping> = {
  string: { builder: 'nameField', sqlType: 'text', tsType: 'string' },
  shortText: { builder: 'shortTextField', sqlType: 'text', tsType: 'string' },
  text: { builder: 'textField', sqlType: 'text', tsType: 'string' },
  int: { builder: 'intField', sqlType: 'integer', tsType: 'number' },
  money: { builder: 'moneyField', sqlType: 'bigint', tsType: 'number' },
  boolean: { builder: 'booleanField', sqlType: 'boolean', tsType: 'boolean' },
  date: { builder: 'dateField', sqlType: 'date', tsType: 'string' },
  month: { builder: 'monthField', sqlType: 'text', tsType: 'string' },
  uuid: { builder: 'uuidField', sqlType: 'uuid', tsType: 'string' },
  currency: { builder: 'currencyField', sqlType: 'text', tsType: 'string' },
  enum: { builder: 'enumField', sqlType: 'text', tsType: 'string' },
};

export function isFieldType(name: string): name is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(name);
}
