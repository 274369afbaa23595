import { parseHlc, type HistoryEntry, type HistoryField, type Hlc } from '@finwise/sync-protocol';
import type { ClockOrigin, StoredMutation } from './change-history';

type FieldValue = HistoryField['value'];

/**
 * A row's recorded mutations as the history endpoint answers them. `origins` tells, for the
 * clocks of the values the mutations replaced, who wrote each value and when it arrived: an
 * applied field is `concurrent` when its replaced value came from another device and reached
 * the server after this mutation was made (its HLC time), so it was made without seeing it.
 * Fields are listed in the entity's field order (`fieldNames`), then any the entity no longer has.
 */
export function historyItems(
  stored: readonly StoredMutation[],
  origins: readonly ClockOrigin[],
  fieldNames: readonly string[],
): HistoryEntry[] {
  const firstWrite = new Map<Hlc, ClockOrigin>();
  for (const origin of origins) {
    // One clock is one write; a clock sent twice applied the first time only.
    const known = firstWrite.get(origin.hlc);
    if (!known || origin.at < known.at) firstWrite.set(origin.hlc, origin);
  }
  return stored.map((entry) => {
    const madeAtMs = parseHlc(entry.hlc)?.ms ?? Number.POSITIVE_INFINITY;
    const concurrentWith = (clock: Hlc | null): boolean => {
      const replaced = clock === null ? undefined : firstWrite.get(clock);
      return (
        replaced !== undefined && !sameDevice(replaced, entry) && replaced.at.getTime() > madeAtMs
      );
    };
    const fields: HistoryField[] = [];
    for (const field of fieldOrder(entry, fieldNames)) {
      if (entry.lost && field in entry.lost) {
        fields.push({ field, value: entry.lost[field] as FieldValue, outcome: 'lost' });
        continue;
      }
      const item: HistoryField = {
        field,
        value: entry.applied[field] as FieldValue,
        outcome: 'applied',
      };
      const replaced = entry.replaced?.[field];
      if (replaced) {
        item.previous = replaced[0] as FieldValue;
        if (concurrentWith(replaced[1])) item.concurrent = true;
      }
      fields.push(item);
    }
    return {
      hlc: entry.hlc,
      at: entry.at.toISOString(),
      userId: entry.userId,
      email: entry.email,
      clientId: entry.clientId,
      operation: entry.operation,
      fields,
    };
  });
}

/**
 * Two writes come from the same device when their clocks share a node id (a device's clock
 * ticks past everything it wrote) or their sockets named the same client.
 */
function sameDevice(a: ClockOrigin, b: Pick<StoredMutation, 'hlc' | 'clientId'>): boolean {
  return (
    parseHlc(a.hlc)?.nodeId === parseHlc(b.hlc)?.nodeId ||
    (a.clientId !== null && a.clientId === b.clientId)
  );
}

function fieldOrder(entry: StoredMutation, fieldNames: readonly string[]): string[] {
  const carried = new Set([...Object.keys(entry.applied), ...Object.keys(entry.lost ?? {})]);
  const known = fieldNames.filter((field) => carried.has(field));
  const others = [...carried].filter((field) => !fieldNames.includes(field)).sort();
  return [...known, ...others];
}
