import { mergeRecords, type AnyRecord } from '@finwise/sync-protocol';

/**
 * `mergeRecords` for a record that comes from the server. The shared join keeps the local
 * `tenantId` when both have one; here the server's wins, because it is the canonical form
 * (a local row carries the id as the app passed it in the options), so that a synced row
 * equals the server's field for field.
 */
export function mergeServerRecord(
  local: AnyRecord | undefined,
  incoming: AnyRecord,
  fieldNames: readonly string[],
): AnyRecord {
  const merged = mergeRecords(local, incoming, fieldNames);
  if (incoming.tenantId === undefined || merged.tenantId === incoming.tenantId) return merged;
  return { ...merged, tenantId: incoming.tenantId };
}
