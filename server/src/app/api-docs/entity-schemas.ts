import * as z from 'zod';
import type { SyncedEntityDefinition } from '@finwise/domain';
import {
  changeSchema,
  mutationSchema,
  recordMetaShape,
  type Operation,
} from '@finwise/sync-protocol';

/** The zod schemas of one entity as it appears on the wire, all derived from its definition. */
export interface EntitySchemas {
  record: z.ZodType;
  createBody: z.ZodType;
  patchBody: z.ZodType;
  page: z.ZodType;
  /** One variant per operation the entity allows, told apart by `operation`. */
  mutation: z.ZodType;
  change: z.ZodObject;
}

/** The field builder's own schema under any `.nullish()`/`.optional()` wrappers. */
function fieldBase(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    const def = inner._zod.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'nullable') && def.innerType)
      inner = def.innerType;
    else return inner;
  }
}

/**
 * Derives the documented shapes of an entity from its `defineSyncedEntity` definition, so a
 * new entity (from the generator) appears in every API document without a hand-written DTO.
 */
export function entitySchemas(definition: SyncedEntityDefinition): EntitySchemas {
  const label = definition.label.toLowerCase();
  // Rows always carry every field: null when optional and absent, and null throughout a tombstone.
  const fields = Object.fromEntries(
    Object.entries(definition.shape).map(([name, schema]) => [name, fieldBase(schema).nullable()]),
  );
  const record = z
    .strictObject({
      ...recordMetaShape,
      tenantId: z.guid().describe('Set by the server from the token'),
      ...fields,
    })
    .describe(
      `A ${label} row. Every field is present; all entity fields are null on a tombstone (deletedAt set).`,
    );
  const createBody = definition.createSchema
    .partial({ id: true })
    .describe(
      definition.identity
        ? `A new ${label}. The id may be left out: it is ${definition.identity.describe}.`
        : `A new ${label}. The id may be left out: the server then generates one.`,
    );
  const patchBody = definition.patchSchema
    .omit({ id: true })
    .describe(`Any subset of the ${label} fields to change${fixedFieldsNote(definition)}`);
  const page = z.strictObject({
    items: z.array(record),
    next: z.guid().nullable().describe('Pass as `after` for the next page; null on the last page'),
  });
  // Exactly what the server accepts per operation, so a client validating with the published
  // schema gets the server's verdict: a create carries a full row, an update some fields, a
  // delete only the id (and only where the entity can be deleted).
  const variant = (operation: Operation, data: z.ZodType) =>
    mutationSchema.extend({
      modelName: z.literal(definition.modelName),
      operation: z.literal(operation),
      data,
    });
  const variants: [z.ZodObject, ...z.ZodObject[]] = [
    variant(
      'create',
      definition.createSchema.describe(
        'create: id and every required field (absent optional fields become null)',
      ),
    ),
    variant(
      'update',
      definition.patchSchema
        .refine((data) => Object.keys(data).length > 1, {
          error: 'an update must change at least one field',
        })
        .meta({
          description:
            'update: id and at least one changed field; a complete row also creates an id the server does not know',
          minProperties: 2,
        }),
    ),
    ...(definition.deletable
      ? [
          variant(
            'delete',
            definition.createSchema.pick({ id: true }).describe('delete: only the id'),
          ),
        ]
      : []),
  ];
  const mutation = z
    .discriminatedUnion('operation', variants)
    .describe(
      `A mutation of a ${label}. System fields and unknown fields in data are rejected` +
        (definition.deletable ? '' : `; ${definition.modelName} cannot be deleted`),
    );
  const change = changeSchema.extend({ modelName: z.literal(definition.modelName), record });
  return { record, createBody, patchBody, page, mutation, change };
}

/** " (month and categoryId never change)" for an entity whose identity fields are fixed. */
function fixedFieldsNote(definition: SyncedEntityDefinition): string {
  const identity = definition.identity;
  return identity ? ` (${identity.fields.join(' and ')} never change)` : '';
}
