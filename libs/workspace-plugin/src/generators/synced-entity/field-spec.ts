/** The field types the generator understands (DESIGN: generator). */
export const FIELD_TYPES = [
  'string',
  'text',
  'int',
  'money',
  'boolean',
  'date',
  'month',
  'uuid',
  'enum',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  /** camelCase property name. */
  name: string;
  /** snake_case SQL column. */
  column: string;
  type: FieldType;
  optional: boolean;
  /** Values of an enum field. */
  values: string[];
  /** `nameField()`, `uuidField()`, `enumField([...])`… as written in the domain schema. */
  builder: string;
  /** Import name of the builder from field-types. */
  builderImport: string;
  sqlType: string;
  tsType: string;
}

const RESERVED = new Set([
  'id',
  'tenantId',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'fieldClocks',
  'serverSeq',
  'constructor',
  'prototype',
  '__proto__',
]);

const MAPPING: Record<
  Exclude<FieldType, 'enum'>,
  { builder: string; sqlType: string; tsType: string }
> = {
  string: { builder: 'nameField', sqlType: 'text', tsType: 'string' },
  text: { builder: 'textField', sqlType: 'text', tsType: 'string' },
  int: { builder: 'intField', sqlType: 'integer', tsType: 'number' },
  money: { builder: 'moneyField', sqlType: 'bigint', tsType: 'number' },
  boolean: { builder: 'booleanField', sqlType: 'boolean', tsType: 'boolean' },
  date: { builder: 'dateField', sqlType: 'date', tsType: 'string' },
  month: { builder: 'monthField', sqlType: 'text', tsType: 'string' },
  uuid: { builder: 'uuidField', sqlType: 'uuid', tsType: 'string' },
};

export class FieldSpecError extends Error {}

export function toSnakeCase(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Parses `name:string,notes:text?,kind:enum(a|b)` into field specs, refusing anything unclear. */
export function parseFields(input: string): FieldSpec[] {
  const parts = splitTopLevel(input);
  if (parts.length === 0)
    throw new FieldSpecError('--fields needs at least one field, e.g. --fields "name:string"');
  const seen = new Set<string>();
  return parts.map((raw) => {
    const match = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*:\s*([a-z]+)(?:\(([^)]*)\))?(\?)?$/.exec(raw);
    if (!match) throw new FieldSpecError(`"${raw}" is not name:type (e.g. notes:text?)`);
    const [, name, typeName, args, optional] = match;
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name))
      throw new FieldSpecError(`field name "${name}" must be camelCase`);
    if (RESERVED.has(name))
      throw new FieldSpecError(`"${name}" is a field every synced entity already has`);
    if (seen.has(name)) throw new FieldSpecError(`field "${name}" is listed twice`);
    seen.add(name);
    if (!(FIELD_TYPES as readonly string[]).includes(typeName)) {
      throw new FieldSpecError(
        `field "${name}" has unknown type "${typeName}"; use one of ${FIELD_TYPES.join(', ')}`,
      );
    }
    const type = typeName as FieldType;
    if (type === 'enum') {
      const values = (args ?? '').split('|').map((v) => v.trim());
      if (values.length < 1 || values.some((v) => !/^[a-z][a-z0-9_]*$/.test(v))) {
        throw new FieldSpecError(
          `enum field "${name}" needs values like enum(monthly|yearly) (lowercase, snake_case)`,
        );
      }
      if (new Set(values).size !== values.length)
        throw new FieldSpecError(`enum field "${name}" repeats a value`);
      return spec(
        name,
        type,
        Boolean(optional),
        values,
        `enumField([${values.map((v) => `'${v}'`).join(', ')}])`,
        'enumField',
        'text',
        'string',
      );
    }
    if (args !== undefined)
      throw new FieldSpecError(`type "${type}" of field "${name}" takes no arguments`);
    const mapped = MAPPING[type];
    return spec(
      name,
      type,
      Boolean(optional),
      [],
      `${mapped.builder}()`,
      mapped.builder,
      mapped.sqlType,
      mapped.tsType,
    );
  });
}

function spec(
  name: string,
  type: FieldType,
  optional: boolean,
  values: string[],
  builder: string,
  builderImport: string,
  sqlType: string,
  tsType: string,
): FieldSpec {
  return {
    name,
    column: toSnakeCase(name),
    type,
    optional,
    values,
    builder: optional ? `${builder}.nullish()` : builder,
    builderImport,
    sqlType,
    tsType,
  };
}

/** Splits on commas that are not inside enum(...) parentheses. */
function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of input) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts.filter(Boolean);
}
