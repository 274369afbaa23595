import { SyncLimits, utf8ByteLength } from '@finwise/sync-protocol';
import type { OutboxEntry } from './outbox-entry';

/** `{"mutations":[` + `]}`: what `pushBatchBytes` counts besides the mutations and commas. */
const ENVELOPE_BYTES = utf8ByteLength(JSON.stringify({ mutations: [] }));

/**
 * The longest prefix of the outbox that fits one push: at most `maxMutations` entries and
 * `maxBytes` UTF-8 bytes of `JSON.stringify({ mutations })`, measured exactly as the server
 * does. Order is never changed. A single entry is always returned, even an oversized one,
 * so the caller can deal with it instead of stalling.
 */
export function takeBatch(
  entries: readonly OutboxEntry[],
  maxMutations: number = SyncLimits.maxBatchMutations,
  maxBytes: number = SyncLimits.maxBatchBytes,
): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const entry of entries) {
    if (batch.length >= maxMutations) break;
    const size = utf8ByteLength(JSON.stringify(entry.mutation)) + (batch.length > 0 ? 1 : 0);
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(entry);
    bytes += size;
  }
  return batch;
}
