import { pushBatchBytes, SyncLimits, type Mutation } from '@finwise/sync-protocol';
import fc from 'fast-check';
import type { OutboxEntry } from './outbox-entry';
import { takeBatch } from './push-batch';

function entry(seq: number, text: string): OutboxEntry {
  const mutation: Mutation = {
    mutationId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    modelName: 'transactions',
    operation: 'update',
    data: { id: '11111111-1111-4111-8111-111111111111', notes: text },
    hlc: '2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60',
  };
  return { seq, rowKey: 'transactions/1', mutation, complete: false };
}

describe('takeBatch', () => {
  it('takes the longest in-order prefix within both limits, measured exactly like the server', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 500 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 300, max: 20_000 }),
        (texts, maxMutations, maxBytes) => {
          const entries = texts.map((text, i) => entry(i + 1, text));
          const batch = takeBatch(entries, maxMutations, maxBytes);
          const size = (list: OutboxEntry[]) => pushBatchBytes(list.map((e) => e.mutation));
          expect(batch).toEqual(entries.slice(0, batch.length));
          expect(batch.length).toBeGreaterThanOrEqual(1);
          expect(batch.length).toBeLessThanOrEqual(maxMutations);
          if (batch.length > 1) expect(size(batch)).toBeLessThanOrEqual(maxBytes);
          // Maximal: one more entry would break a limit.
          if (batch.length < entries.length && batch.length < maxMutations) {
            expect(size(entries.slice(0, batch.length + 1))).toBeGreaterThan(maxBytes);
          }
        },
      ),
    );
  });

  it('defaults to the protocol limits: 500 mutations and 256 KB', () => {
    const small = Array.from({ length: 700 }, (_, i) => entry(i, 'x'));
    expect(takeBatch(small)).toHaveLength(SyncLimits.maxBatchMutations);
    const large = Array.from({ length: 500 }, (_, i) => entry(i, 'é'.repeat(500)));
    const batch = takeBatch(large);
    expect(batch.length).toBeLessThan(500);
    expect(pushBatchBytes(batch.map((e) => e.mutation))).toBeLessThanOrEqual(
      SyncLimits.maxBatchBytes,
    );
    expect(pushBatchBytes(large.slice(0, batch.length + 1).map((e) => e.mutation))).toBeGreaterThan(
      SyncLimits.maxBatchBytes,
    );
  });

  it('returns a single oversized entry rather than nothing', () => {
    expect(takeBatch([entry(1, 'x'.repeat(2000)), entry(2, 'y')], 500, 1000)).toHaveLength(1);
  });
});
