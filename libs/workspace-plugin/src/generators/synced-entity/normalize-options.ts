import { names } from '@nx/devkit';
import { FieldSpecError, parseFields, type FieldSpec } from './field-spec';
import type { SyncedEntityGeneratorSchema } from './schema';

export interface NormalizedOptions {
  /** snake_case plural: wire name, REST path, table. */
  modelName: string;
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
  timestamp: number;
  builderImports: string[];
  clientIndexes: string[];
}

const MODEL_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export function normalizeOptions(options: SyncedEntityGeneratorSchema): NormalizedOptions {
  const modelName = (options.name ?? '').trim();
  if (!MODEL_NAME.test(modelName)) {
    throw new FieldSpecError(
      `entity name "${modelName}" must be snake_case plural, e.g. payees or recurring_rules`,
    );
  }
  const singular = options.singular ?? singularize(modelName);
  if (!MODEL_NAME.test(singular))
    throw new FieldSpecError(`singular "${singular}" must be snake_case`);
  if (singular === modelName) {
    throw new FieldSpecError(
      `entity name "${modelName}" must be plural (or pass --singular when it already is)`,
    );
  }
  const fields = parseFields(options.fields ?? '');
  const plural = names(modelName.replace(/_/g, '-'));
  const single = names(singular.replace(/_/g, '-'));
  const label = options.label ?? capitalize(singular.replace(/_/g, ' '));
  return {
    modelName,
    fileName: plural.fileName,
    singularFileName: single.fileName,
    constName: plural.propertyName,
    pluralClassName: plural.className,
    className: single.className,
    label,
    pluralLabel: capitalize(modelName.replace(/_/g, ' ')),
    fields,
    timestamp: options.timestamp ?? Date.now(),
    builderImports: [...new Set(fields.map((f) => f.builderImport))].sort(),
    // References are what a client filters by; keep IndexedDB indexes few (they slow bulk loads).
    clientIndexes: fields.filter((f) => f.type === 'uuid').map((f) => f.name),
  };
}

/** English plural → singular for the common cases; `--singular` covers the rest. */
export function singularize(plural: string): string {
  const [head, last] = splitLast(plural);
  let word = last;
  if (/ies$/.test(word)) word = word.replace(/ies$/, 'y');
  else if (/(ss|x|ch|sh)es$/.test(word)) word = word.replace(/es$/, '');
  else if (/s$/.test(word) && !/ss$/.test(word)) word = word.replace(/s$/, '');
  return head ? `${head}_${word}` : word;
}

function splitLast(name: string): [string, string] {
  const index = name.lastIndexOf('_');
  return index < 0 ? ['', name] : [name.slice(0, index), name.slice(index + 1)];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
