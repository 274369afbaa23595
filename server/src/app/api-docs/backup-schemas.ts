import * as z from 'zod';
import type { SyncedEntityDefinition } from '@finwise/domain';

/** The household backup document and the restore answer (FINANCE §5), from the entity registry. */
export function householdBackupSchema(entities: readonly SyncedEntityDefinition[]) {
  const rows = Object.fromEntries(
    entities.map((definition) => [
      definition.modelName,
      z
        .array(definition.createSchema)
        .describe(`Every live ${definition.label.toLowerCase()} row: its id and fields`),
    ]),
  );
  return z
    .strictObject({
      format: z.literal('finwise-household'),
      version: z.literal(1).describe('Backups of another version are refused'),
      exportedAt: z.iso.datetime().describe('Server time of the export'),
      currency: z.string().optional().describe('The budget currency, when the household set one'),
      entities: z
        .strictObject(rows)
        .partial()
        .describe('modelName → rows, each ordered by id; a missing entity restores no rows'),
    })
    .describe('Every live row of a household, restorable into an empty household');
}

export function restoreResponseSchema(entities: readonly SyncedEntityDefinition[]) {
  return z
    .strictObject({
      restored: z
        .strictObject(Object.fromEntries(entities.map((d) => [d.modelName, z.int().min(0)])))
        .describe('modelName → rows written from the backup'),
    })
    .describe('What the restore wrote');
}
