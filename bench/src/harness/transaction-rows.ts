import { randomUUID } from 'node:crypto';
import { transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import {
  HybridLogicalClock,
  pushBatchBytes,
  randomNodeId,
  SyncLimits,
  type Mutation,
} from '@finwise/sync-protocol';

export type TransactionData = { id: string } & Record<string, unknown>;

/**
 * Full transaction rows: `sampleData` fills every field, the optional ones included (transfer
 * account, parent, notes…), so each create is ~600 bytes of JSON — the heavy end of real rows.
 */
export function transactionRows(count: number, seedOffset = 0): TransactionData[] {
  return Array.from({ length: count }, (_, i) => sampleData(transactions, seedOffset + i));
}

/** One `create` per row, stamped by one device clock (as a single client would). */
export function createMutations(
  rows: readonly TransactionData[],
  clock = new HybridLogicalClock(randomNodeId()),
): Mutation[] {
  return rows.map((data) => ({
    mutationId: randomUUID(),
    modelName: transactions.modelName,
    operation: 'create',
    data,
    hlc: clock.tick(),
  }));
}

/**
 * Greedy batches of at most 500 mutations and 256 KB of `{mutations}` JSON — the protocol's
 * limits, packed as full as they allow (≈ 430 full rows per batch). This is exactly how the
 * client engine splits an outbox; the raw baselines replay the same batches.
 */
export function packBatches(mutations: readonly Mutation[]): Mutation[][] {
  const envelope = pushBatchBytes([]);
  const batches: Mutation[][] = [];
  let current: Mutation[] = [];
  let bytes = envelope;
  for (const mutation of mutations) {
    const size = Buffer.byteLength(JSON.stringify(mutation));
    // Every mutation after the first also costs its separating comma.
    if (
      current.length > 0 &&
      (current.length >= SyncLimits.maxBatchMutations ||
        bytes + 1 + size > SyncLimits.maxBatchBytes)
    ) {
      batches.push(current);
      current = [];
      bytes = envelope;
    }
    bytes += (current.length > 0 ? 1 : 0) + size;
    current.push(mutation);
  }
  if (current.length > 0) batches.push(current);
  for (const batch of batches) {
    if (pushBatchBytes(batch) > SyncLimits.maxBatchBytes)
      throw new Error('batch packing exceeded the byte limit');
  }
  return batches;
}

export function describeBatches(batches: readonly Mutation[][]): string {
  const sizes = batches.map((b) => b.length);
  const bytes = batches.map((b) => pushBatchBytes(b));
  return `${batches.length} batches of ${Math.min(...sizes)}–${Math.max(...sizes)} mutations, ≤ ${Math.max(...bytes)} bytes`;
}
