import * as z from 'zod';
import { hlcSchema, operationSchema } from './protocol-schemas';

/** Page sizes of `GET /api/{modelName}/:id/history` (FINANCE §6). */
export const HistoryLimits = {
  defaultLimit: 50,
  maxLimit: 500,
} as const;

/** What an entity field can hold on the wire: every synced field is a JSON scalar. */
const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const historyFieldSchema = z
  .strictObject({
    field: z.string().describe('The entity field the mutation carried'),
    value: fieldValueSchema.describe('The value the mutation carried for it'),
    outcome: z
      .enum(['applied', 'lost'])
      .describe(
        "applied: the field took the value; lost: the field's clock was newer (or the row was " +
          'deleted), so last-writer-wins dropped it',
      ),
    previous: fieldValueSchema
      .optional()
      .describe('applied to an existing row: the value it replaced (absent when the row was new)'),
    concurrent: z
      .literal(true)
      .optional()
      .describe(
        'Present on an applied field whose replaced value came from another client and reached ' +
          'the server after this mutation was made (its HLC time): it was made without seeing that value',
      ),
  })
  .describe('One field a mutation carried, and what became of it');

export const historyEntrySchema = z
  .strictObject({
    hlc: hlcSchema.describe('The mutation clock (a REST write: the one the server stamped)'),
    at: z.iso.datetime({ precision: 3 }).describe('Server time the mutation arrived (ISO, UTC)'),
    userId: z.guid().nullable().describe('The member whose token wrote it'),
    email: z
      .string()
      .nullable()
      .describe("That member's email; null once the user is no longer a member"),
    clientId: z
      .string()
      .nullable()
      .describe('The device: the clientId of its socket handshake; null for REST and HTTP pushes'),
    operation: operationSchema,
    fields: z
      .array(historyFieldSchema)
      .describe('The fields it carried, in the entity’s field order; empty for a delete'),
  })
  .describe('One mutation of a row as the server recorded it');

export const rowHistorySchema = z
  .strictObject({
    items: z
      .array(historyEntrySchema)
      .describe('Newest first by server arrival (`at`); mutations of one batch in reverse order'),
  })
  .describe('The recorded mutations of one row');

export type HistoryField = z.output<typeof historyFieldSchema>;
export type HistoryEntry = z.output<typeof historyEntrySchema>;
export type RowHistory = z.output<typeof rowHistorySchema>;
