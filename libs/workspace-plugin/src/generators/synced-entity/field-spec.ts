import pluralize from 'pluralize';
import { FIELD_TYPE_MAPPINGS, FIELD_TYPES, isFieldType, type FieldType } from './field-types';
import {
  MAX_IDENTIFIER_LENGTH,
  SQL_RESERVED_WORDS,
  SYSTEM_COLUMNS,
  toSnakeCase,
} from './sql-names';

export { FIELD_TYPES, type FieldType } from './field-types';
export { toSnakeCase } from './sql-names';

export interface FieldSpec {
  /** camelCase property name. */
  name: string;
  /** snake_case SQL column. */
  column: string;
  /** What screens call the field until someone words it better: `limitMinor` → `Limit minor`. */
  label: string;
  type: FieldType;
  optional: boolean;
  /**
   * What a create takes when it leaves the field out, as TypeScript source (`false`, `0`,
   * `'monthly'`); null without one. For a field added to an entity later, so older clients'
   * creates stay valid.
   */
  defaultValue: string | null;
  /** Values of an enum field. */
  values: string[];
  /** Exported constant holding an enum field's values, e.g. `ACCOUNT_TYPES`. */
  valuesConst: string | null;
  /** Exported union type of an enum field's values, e.g. `AccountType`. */
  valuesType: string | null;
  /** `nameField()`, `uuidField().nullish()`, `enumField(ACCOUNT_TYPES)`… as in the domain schema. */
  builder: string;
  /** Import name of the builder from field-types. */
  builderImport: string;
  sqlType: string;
  tsType: string;
}

/** The entity a field list belongs to: enum constants are named after its singular. */
export interface FieldOwner {
  /** snake_case singular, e.g. `account` → `ACCOUNT_TYPES`. */
  singular: string;
  /** PascalCase singular, e.g. `Account` → `AccountType`. */
  className: string;
}

/** Property names no field may take: the sync columns, and names that break plain objects. */
const RESERVED_PROPERTIES = new Set([
  ...Object.keys(SYSTEM_COLUMNS),
  'constructor',
  'prototype',
  '__proto__',
]);
const SYSTEM_COLUMN_NAMES = new Set(Object.values(SYSTEM_COLUMNS));

export class FieldSpecError extends Error {}

/** Parses `name:string,notes:text?,kind:enum(a|b)` into field specs, refusing anything unclear. */
export function parseFields(input: string, owner: FieldOwner): FieldSpec[] {
  const parts = splitTopLevel(input);
  if (parts.length === 0)
    throw new FieldSpecError('--fields needs at least one field, e.g. --fields "name:string"');
  const names = new Set<string>();
  const columns = new Map<string, string>();
  return parts.map((raw) => {
    const match =
      /^([a-zA-Z_][a-zA-Z0-9_]*)\s*:\s*([a-zA-Z]+)(?:\(([^)]*)\))?(\?)?(?:\s*=\s*(\S+))?$/.exec(
        raw,
      );
    if (!match) throw new FieldSpecError(`"${raw}" is not name:type (e.g. notes:text?)`);
    const [, name, typeName, args, optional, defaultText] = match;
    const column = checkName(name, names, columns);
    if (!isFieldType(typeName)) {
      throw new FieldSpecError(
        `field "${name}" has unknown type "${typeName}"; use one of ${FIELD_TYPES.join(', ')}`,
      );
    }
    const { builder, sqlType, tsType } = FIELD_TYPE_MAPPINGS[typeName];
    if (defaultText !== undefined && optional) {
      throw new FieldSpecError(
        `field "${name}" is optional and has a default: an optional field is null when left out`,
      );
    }
    const base = {
      name,
      column,
      label: labelFromName(name, typeName),
      type: typeName,
      optional: Boolean(optional),
      defaultValue:
        defaultText === undefined ? null : defaultLiteral(name, typeName, defaultText, args),
      builderImport: builder,
      sqlType,
      tsType,
    };
    if (typeName === 'enum') {
      const values = parseEnumValues(name, args);
      const valuesConst = `${owner.singular}_${pluralize(column)}`.toUpperCase();
      const valuesType = `${owner.className}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      return finish({ ...base, values, valuesConst, valuesType }, `enumField(${valuesConst})`);
    }
    if (args !== undefined)
      throw new FieldSpecError(`type "${typeName}" of field "${name}" takes no arguments`);
    return finish({ ...base, values: [], valuesConst: null, valuesType: null }, `${builder}()`);
  });
}

/** Validates a field name against the others and returns its SQL column. */
function checkName(name: string, names: Set<string>, columns: Map<string, string>): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(name))
    throw new FieldSpecError(`field name "${name}" must be camelCase`);
  if (RESERVED_PROPERTIES.has(name))
    throw new FieldSpecError(`"${name}" is a field every synced entity already has`);
  if (names.has(name)) throw new FieldSpecError(`field "${name}" is listed twice`);
  names.add(name);
  const column = toSnakeCase(name);
  if (SYSTEM_COLUMN_NAMES.has(column)) {
    throw new FieldSpecError(
      `field "${name}" would be stored as the column "${column}" every synced table already has`,
    );
  }
  const other = columns.get(column);
  if (other !== undefined) {
    throw new FieldSpecError(
      `fields "${other}" and "${name}" would both be stored as the column "${column}"`,
    );
  }
  columns.set(column, name);
  if (SQL_RESERVED_WORDS.has(column)) {
    throw new FieldSpecError(
      `field "${name}" would be the column "${column}", an SQL reserved word; choose another name`,
    );
  }
  if (column.length > MAX_IDENTIFIER_LENGTH) {
    throw new FieldSpecError(
      `field "${name}" would be the column "${column}", longer than PostgreSQL's ${MAX_IDENTIFIER_LENGTH} characters`,
    );
  }
  return column;
}

function parseEnumValues(name: string, args: string | undefined): string[] {
  const values = (args ?? '').split('|').map((v) => v.trim());
  if (values.some((v) => !/^[a-z][a-z0-9_]*$/.test(v))) {
    throw new FieldSpecError(
      `enum field "${name}" needs values like enum(monthly|yearly) (lowercase, snake_case)`,
    );
  }
  if (values.length < 2) {
    throw new FieldSpecError(
      `enum field "${name}" needs at least two values (a single value is a constant, not a choice)`,
    );
  }
  if (new Set(values).size !== values.length)
    throw new FieldSpecError(`enum field "${name}" repeats a value`);
  return values;
}

/**
 * As `@finwise/domain` labels a field it is given no label for, without what only the code
 * needs to know: a reference's "id" (`defaultCategoryId` → "Default category") and money's
 * unit (`limitMinor` → "Limit").
 */
function labelFromName(name: string, type: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const suffix = type === 'uuid' ? / id$/ : type === 'money' ? / minor$/ : null;
  const shown =
    suffix && suffix.test(words) && words.replace(suffix, '') ? words.replace(suffix, '') : words;
  return shown.charAt(0).toUpperCase() + shown.slice(1);
}

/** Optional fields accept `null` and absence alike (absent means `null`). */
function finish(field: Omit<FieldSpec, 'builder'>, call: string): FieldSpec {
  return { ...field, builder: field.optional ? `${call}.nullish()` : call };
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

/** A field's default as TypeScript source, checked against its type. */
function defaultLiteral(
  name: string,
  type: FieldType,
  text: string,
  enumArgs: string | undefined,
): string {
  const refuse = (what: string) =>
    new FieldSpecError(`field "${name}" of type ${type} cannot default to "${text}": ${what}`);
  switch (type) {
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw refuse('use true or false');
      return text;
    case 'int':
    case 'money':
      if (!/^-?(0|[1-9][0-9]{0,14})$/.test(text)) throw refuse('use an integer');
      return text;
    case 'enum':
      if (
        !(enumArgs ?? '')
          .split('|')
          .map((v) => v.trim())
          .includes(text)
      )
        throw refuse('use one of its values');
      return `'${text}'`;
    default:
      throw refuse('only boolean, int, money and enum fields take a default');
  }
}
