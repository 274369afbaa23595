import { names } from '@nx/devkit';
import pluralize from 'pluralize';
import { FieldSpecError, parseFields, type FieldSpec } from './field-spec';
import type { SyncedEntityGeneratorSchema } from './schema';
import { MAX_IDENTIFIER_LENGTH, SQL_RESERVED_WORDS, tableIdentifiers } from './sql-names';

export interface NormalizedOptions {
  /** snake_case plural: wire name, REST path, table. */
  modelName: string;
  /** snake_case singular: names the enum constants. */
  singular: string;
  /** kebab-case plural: folder and file names. */
  fileName: string;
  /** kebab-case singular: the TypeORM entity file. */
  singularFileName: string;
  /** camelCase plural: the exported definition constant. */
  constName: string;
  /** PascalCase plural: module/controller class prefix. */
  pluralClassName: string;
  /** PascalCase singular: record type and TypeORM class prefix. */
  className: string;
  label: string;
  pluralLabel: string;
  fields: FieldSpec[];
  enumFields: FieldSpec[];
  timestamp: number;
  builderImports: string[];
  clientIndexes: string[];
  deletable: boolean;
  /** Whether the app gets a list page, route and menu link for the entity. */
  screen: boolean;
  /** The field that names a row in messages (a notice about a refused change): its first name. */
  namingField: string | null;
  /** Every top-level name the generated files export, to refuse clashes with existing ones. */
  exportedNames: string[];
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export function normalizeOptions(options: SyncedEntityGeneratorSchema): NormalizedOptions {
  const modelName = checkModelName((options.name ?? '').trim());
  const singular = options.singular ?? singularize(modelName);
  if (!SNAKE_CASE.test(singular))
    throw new FieldSpecError(`singular "${singular}" must be snake_case`);
  if (singular === modelName) {
    throw new FieldSpecError(
      `entity name "${modelName}" must be plural (or pass --singular when it already is)`,
    );
  }
  const plural = names(modelName.replace(/_/g, '-'));
  const single = names(singular.replace(/_/g, '-'));
  const fields = parseFields(options.fields ?? '', { singular, className: single.className });
  const timestamp = options.timestamp ?? Date.now();
  const normalized = {
    modelName,
    singular,
    fileName: plural.fileName,
    singularFileName: single.fileName,
    constName: plural.propertyName,
    pluralClassName: plural.className,
    className: single.className,
    label: options.label ?? capitalize(singular.replace(/_/g, ' ')),
    pluralLabel: capitalize(modelName.replace(/_/g, ' ')),
    fields,
    enumFields: fields.filter((f) => f.type === 'enum'),
    timestamp,
    builderImports: [...new Set(fields.map((f) => f.builderImport))].sort(),
    clientIndexes: clientIndexes(fields, options.indexes),
    deletable: options.deletable ?? true,
    screen: options.screen ?? true,
    namingField: namingField(fields),
  };
  return { ...normalized, exportedNames: exportedNames(normalized) };
}

function checkModelName(modelName: string): string {
  if (!SNAKE_CASE.test(modelName)) {
    throw new FieldSpecError(
      `entity name "${modelName}" must be snake_case plural, e.g. payees or recurring_rules`,
    );
  }
  if (SQL_RESERVED_WORDS.has(modelName))
    throw new FieldSpecError(`entity name "${modelName}" is an SQL reserved word`);
  const tooLong = tableIdentifiers(modelName).find((id) => id.length > MAX_IDENTIFIER_LENGTH);
  if (tooLong !== undefined) {
    throw new FieldSpecError(
      `entity name "${modelName}" is too long: the migration's "${tooLong}" would exceed PostgreSQL's ${MAX_IDENTIFIER_LENGTH} characters`,
    );
  }
  return modelName;
}

function namingField(fields: FieldSpec[]): string | null {
  const byType = (type: FieldSpec['type']) => fields.find((f) => f.type === type)?.name;
  return byType('string') ?? byType('shortText') ?? null;
}

/**
 * The fields the client's IndexedDB indexes: by default the references, which is what a screen
 * filters by. Indexes are few on purpose (each one slows bulk loads).
 */
function clientIndexes(fields: FieldSpec[], requested: string | undefined): string[] {
  if (requested === undefined) return fields.filter((f) => f.type === 'uuid').map((f) => f.name);
  const wanted = requested
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of wanted) {
    if (!fields.some((f) => f.name === name))
      throw new FieldSpecError(`--indexes names "${name}", which is not one of the fields`);
  }
  if (new Set(wanted).size !== wanted.length)
    throw new FieldSpecError('--indexes lists a field twice');
  return wanted;
}

function exportedNames(o: Omit<NormalizedOptions, 'exportedNames'>): string[] {
  return [
    o.constName,
    o.className,
    ...o.enumFields.flatMap((f) => [f.valuesConst ?? '', f.valuesType ?? '']),
    `${o.className}Entity`,
    `${o.pluralClassName}Controller`,
    `${o.pluralClassName}Module`,
    `Create${o.pluralClassName}${o.timestamp}`,
    `${o.pluralClassName}Store`,
    o.screen ? `${o.pluralClassName}PageComponent` : '',
  ].filter(Boolean);
}

/** English plural → singular of the last word (`recurring_rules` → `recurring_rule`). */
export function singularize(plural: string): string {
  const index = plural.lastIndexOf('_');
  return plural.slice(0, index + 1) + pluralize.singular(plural.slice(index + 1));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
