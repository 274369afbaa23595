import type * as z from 'zod';
import type { recordMetaSchema } from './protocol-schemas';

/**
 * Columns every synced row carries besides its own fields (DESIGN: data model), inferred from
 * `recordMetaShape` in protocol-schemas.ts, which documents each column.
 */
export type RecordMeta = z.output<typeof recordMetaSchema>;

export const RECORD_META_KEYS = [
  'id',
  'tenantId',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'fieldClocks',
] as const;

/** The fields a client may not write: they are owned by the sync engine. */
export const SYSTEM_FIELDS = [
  'tenantId',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'fieldClocks',
] as const;

export type FieldValue = string | number | boolean | null;

export type SyncRecord<F extends object = Record<string, FieldValue>> = RecordMeta & {
  [K in keyof F]: F[K] | null;
};

/** A record whose entity fields are not statically known (generic engine code). */
export type AnyRecord = RecordMeta & Record<string, unknown>;

export function isTombstone(record: Pick<RecordMeta, 'deletedAt'> | null | undefined): boolean {
  return record?.deletedAt != null;
}
