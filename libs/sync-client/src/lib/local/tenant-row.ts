import type { AnyRecord } from '@finwise/sync-protocol';

/**
 * A row as the server will store it, as far as this device knows: with the tenant's id.
 * The shared merge functions build rows without it (it is no field of the mutation), so a
 * row made locally — created, or a tombstone of an unknown id — gets it here. `createdAt`
 * stays null until the server's record arrives.
 */
export function withTenant(record: AnyRecord, tenantId: string): AnyRecord {
  return record.tenantId === undefined ? { ...record, tenantId } : record;
}
