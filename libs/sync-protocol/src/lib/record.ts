import type { Hlc } from './hlc';

/** Columns every synced row carries besides its own fields (DESIGN: data model). */
export interface RecordMeta {
  id: string;
  /** Set by the server from the verified token; absent on rows not yet seen by the server. */
  tenantId?: string;
  /** Server time of first insert (ISO), null until the server has stored the row. */
  createdAt: string | null;
  /** HLC of the newest applied change. */
  updatedAt: Hlc;
  /** HLC of the delete for tombstones, else null. A tombstone wins over every update. */
  deletedAt: Hlc | null;
  /** Field name → HLC of its last applied write. Empty for tombstones. */
  fieldClocks: Record<string, Hlc>;
}

export const RECORD_META_KEYS = [
  'id',
  'tenantId',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'fieldClocks',
] as const;

/** The fields a client may not write: they are owned by the sync engine. */
export const SYSTEM_FIELDS = ['tenantId', 'createdAt', 'updatedAt', 'deletedAt', 'fieldClocks'] as const;

export type FieldValue = string | number | boolean | null;

export type SyncRecord<F extends object = Record<string, FieldValue>> = RecordMeta & {
  [K in keyof F]: F[K] | null;
};

/** A record whose entity fields are not statically known (generic engine code). */
export type AnyRecord = RecordMeta & Record<string, unknown>;

export function isTombstone(record: Pick<RecordMeta, 'deletedAt'> | null | undefined): boolean {
  return record?.deletedAt != null;
}
