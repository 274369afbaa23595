import { Column, PrimaryColumn } from 'typeorm';

/**
 * Columns every synced table has. Entity fields are nullable in SQL because tombstones keep
 * no field values; required-ness is enforced by the shared zod schemas before anything is
 * written.
 */
export abstract class SyncedRowEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  /** HLC of the newest applied change. */
  @Column('text', { name: 'updated_at' })
  updatedAt!: string;

  /** HLC of the delete (tombstone) or null. */
  @Column('text', { name: 'deleted_at', nullable: true })
  deletedAt!: string | null;

  @Column('jsonb', { name: 'field_clocks' })
  fieldClocks!: Record<string, string>;

  /** Position in the tenant's change feed (server only). */
  @Column('bigint', { name: 'server_seq' })
  serverSeq!: number;

  /**
   * Server time of the row's latest write, when it took its feed position (server only).
   * Tombstones are purged by it: a device's clock must not decide when a delete is forgotten.
   */
  @Column('timestamptz', { name: 'changed_at' })
  changedAt!: Date;
}
