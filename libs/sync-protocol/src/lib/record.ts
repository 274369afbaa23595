import type * as z from 'zod';
import type { recordMetaSchema } from './protocol-schemas';

/**
 * Columns every synced row carries besides its own fields (DESIGN: data model), inferred from
 * `recordMetaShape` in protocol-schemas.ts, which documents each column.
 */
export type RecordMeta = z.output<typeof recordMetaSchema>;

/** The names of the `RecordMeta` columns, for code that separates them from entity fields. */
export const RECORD_META_KEYS = [
  'id',
  'tenantId',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'fieldClocks',
] as const satisfies readonly (keyof RecordMeta)[];

/** The fields a client may not write: they are owned by the sync engine. */
export const SYSTEM_FIELDS = [
  'tenantId',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'fieldClocks',
] as const;

/** A record whose entity fields are not statically known (generic engine code). */
export type AnyRecord = RecordMeta & Record<string, unknown>;
