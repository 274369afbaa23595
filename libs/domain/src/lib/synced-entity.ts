import * as z from 'zod';
import type { RecordMeta } from '@finwise/sync-protocol';
import { entityWording, type EntityWording, type EntityWordingOptions } from './entity-wording';
import { describeFields, type FieldInfo } from './field-info';
import { uuidField } from './field-types';
import type { ReferenceRule, RowRule } from './row-rules';

/** A rule tying a row's id to some of its fields (budgets: id = UUIDv5 of category and month). */
export interface IdentityRule {
  fields: readonly string[];
  /** The id the row must have for these field values. */
  idFor(values: Record<string, unknown>): string;
  describe: string;
}

export type FieldShape = Record<string, z.ZodType>;

export interface SyncedEntityOptions<Shape extends FieldShape> {
  /** snake_case plural, e.g. `account_groups`: the wire name, REST path and table name. */
  modelName: string;
  /** Human label of one row, e.g. "Account group". */
  label: string;
  /** Entity fields besides the common sync columns; optional fields use `.nullish()`. */
  fields: Shape;
  /** Fields the client indexes in IndexedDB for its queries (keep few: they slow bulk loads). */
  clientIndexes?: readonly (keyof Shape & string)[];
  /** Whether rows may be deleted (budgets are cleared, never deleted). */
  deletable?: boolean;
  identity?: IdentityRule;
  /** What people read about its rows: field labels and how a message names one row. */
  wording?: EntityWordingOptions<keyof Shape & string>;
  /**
   * Values a create takes for fields it leaves out (a field added later, such as a category's
   * carry-over flag, so that older clients' creates stay valid). Updates never take them.
   */
  defaults?: Partial<{ [K in keyof Shape]: z.output<Shape[K]> }>;
  /**
   * Rows that never change once created (budget moves, reconciliations): a write that would
   * change a stored field is rejected, a re-sent create changes nothing (`stale`).
   */
  insertOnly?: boolean;
  /** Rules about the whole row after a write (see RowRule). */
  rowRules?: readonly RowRule[];
  /** Rules that read a row this one points to, applied by the server (see ReferenceRule). */
  referenceRules?: readonly ReferenceRule[];
}

export interface SyncedEntityDefinition<Shape extends FieldShape = FieldShape> {
  readonly modelName: string;
  readonly label: string;
  readonly shape: Shape;
  /** Strict object of all entity fields (without `id`). */
  readonly fieldsSchema: z.ZodObject<Shape, z.core.$strict>;
  /** A full row as written by a create: `id` plus every required field. */
  readonly createSchema: z.ZodObject<z.ZodRawShape, z.core.$strict>;
  /** A partial update: `id` plus any subset of fields. */
  readonly patchSchema: z.ZodObject<z.ZodRawShape, z.core.$strict>;
  readonly fieldNames: readonly string[];
  /** Kind and optionality of every field, in declaration order. */
  readonly fields: readonly FieldInfo[];
  readonly requiredFieldNames: readonly string[];
  readonly clientIndexes: readonly string[];
  readonly deletable: boolean;
  readonly identity?: IdentityRule;
  readonly wording: EntityWording;
  readonly insertOnly: boolean;
  readonly rowRules: readonly RowRule[];
  readonly referenceRules: readonly ReferenceRule[];
}

export function defineSyncedEntity<const Shape extends FieldShape>(
  options: SyncedEntityOptions<Shape>,
): SyncedEntityDefinition<Shape> {
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(options.modelName)) {
    throw new Error(`modelName must be snake_case: ${options.modelName}`);
  }
  const fieldsSchema = z.strictObject(options.fields);
  const fieldNames = Object.keys(options.fields);
  const requiredFieldNames = fieldNames.filter(
    (f) => !options.fields[f].safeParse(undefined).success,
  );
  const idShape = { id: uuidField() };
  const defaults: Record<string, unknown> = options.defaults ?? {};
  const createShape = Object.fromEntries(
    Object.entries(options.fields).map(([name, schema]) => [
      name,
      name in defaults ? schema.default(defaults[name] as never) : schema,
    ]),
  );
  return {
    modelName: options.modelName,
    label: options.label,
    shape: options.fields,
    fieldsSchema,
    createSchema: z.strictObject({ ...idShape, ...createShape }),
    patchSchema: z.strictObject({ ...idShape, ...fieldsSchema.partial().shape }),
    fieldNames,
    fields: describeFields(options.fields),
    requiredFieldNames: requiredFieldNames.filter((name) => !(name in defaults)),
    clientIndexes: options.clientIndexes ?? [],
    deletable: options.deletable ?? true,
    identity: options.identity,
    wording: entityWording(options.modelName, fieldNames, options.wording),
    insertOnly: options.insertOnly ?? false,
    rowRules: options.rowRules ?? [],
    referenceRules: options.referenceRules ?? [],
  };
}

/** Entity fields as stored and sent: absent optional fields are null. */
export type EntityFields<D> =
  D extends SyncedEntityDefinition<infer Shape>
    ? { [K in keyof Shape]-?: Exclude<z.output<Shape[K]>, undefined> | null }
    : never;

/** What a create accepts: required fields, optional ones may be left out; `id` is optional for convenience. */
export type EntityInput<D> =
  D extends SyncedEntityDefinition<infer Shape>
    ? z.input<z.ZodObject<Shape>> & { id?: string }
    : never;

/** A synced row as it travels on the wire and lives in the client database. */
export type EntityRecord<D> = RecordMeta & EntityFields<D>;
