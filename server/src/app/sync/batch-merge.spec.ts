import { accounts } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { HybridLogicalClock, randomNodeId, type AnyRecord } from '@finwise/sync-protocol';
import { randomUUID } from 'node:crypto';
import { aimsAtDistinctRows, BatchMerge } from './batch-merge';
import type { AcceptedMutation, CheckedMutation } from './mutation-envelope';
import { mutationDigest } from './mutation-log';
import { ServerClock } from './server-clock';
import type { SyncedTable } from './synced-table';

const table = {
  modelName: accounts.modelName,
  fieldNames: accounts.fieldNames,
} as unknown as SyncedTable;
const clock = new HybridLogicalClock(randomNodeId());
const TENANT = '0f2e19ae-38a7-4fcc-b6d0-665e4677bdb1';

function create(seed: number, overrides: Partial<AcceptedMutation> = {}): CheckedMutation {
  const data = sampleData(accounts, seed);
  return {
    accepted: {
      mutationId: randomUUID(),
      table,
      operation: 'create',
      data,
      hlc: clock.tick(),
      complete: true,
      ...overrides,
    },
  };
}

const accepted = (c: CheckedMutation) => {
  if (!('accepted' in c)) throw new Error('not accepted');
  return c.accepted;
};

describe('BatchMerge', () => {
  it('hands out each changed row once, with consecutive feed positions across parts', () => {
    const merge = new BatchMerge(TENANT, new ServerClock());
    const batch = [create(1), create(2), create(3)];
    merge.merge(batch.slice(0, 2));
    const first = merge.takeUnwritten(10).get(table) ?? [];
    merge.merge(batch.slice(2));
    const second = merge.takeUnwritten(10).get(table) ?? [];
    expect(first.map((row) => row.serverSeq)).toEqual([11, 12]);
    expect(second.map((row) => [row.record.id, row.serverSeq])).toEqual([
      [accepted(batch[2]).data.id, 13],
    ]);
    expect(merge.changedCount).toBe(3);
    expect(merge.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(merge.inserted).toEqual([true, true, true]);
  });

  it('moves a row changed twice to the end of the feed', () => {
    const merge = new BatchMerge(TENANT, new ServerClock());
    const row = create(1);
    const rename: CheckedMutation = {
      accepted: {
        ...accepted(row),
        mutationId: randomUUID(),
        operation: 'update',
        data: { id: accepted(row).data.id, name: 'renamed' },
        hlc: clock.tick(),
      },
    };
    const other = create(2);
    merge.merge([row, other, rename]);
    const written = merge.takeUnwritten(0).get(table) ?? [];
    expect(written.map((r) => r.record.id)).toEqual([
      accepted(other).data.id,
      accepted(row).data.id,
    ]);
    expect(written[1].record['name']).toBe('renamed');
    expect(written.map((r) => r.serverSeq)).toEqual([1, 2]);
  });

  it('returns a rejected mutation with the stored row, and logs only processed mutations', () => {
    const merge = new BatchMerge(TENANT, new ServerClock());
    const stored = {
      ...sampleData(accounts, 5),
      tenantId: TENANT,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: clock.tick(),
      deletedAt: null,
      fieldClocks: {},
    } as AnyRecord;
    merge.remember(table, new Map([[stored.id, stored]]));
    const refused: CheckedMutation = {
      rejected: {
        mutationId: 'm',
        status: 'rejected',
        error: { code: 'validation', message: 'bad' },
      },
      target: { table, id: stored.id },
    };
    const update: CheckedMutation = {
      accepted: {
        mutationId: randomUUID(),
        table,
        operation: 'update',
        data: { id: randomUUID(), name: 'x' },
        hlc: clock.tick(),
        complete: false,
      },
    };
    const toLog = merge.merge([refused, update, create(6)]);
    expect(merge.results[0]).toMatchObject({ status: 'rejected', record: { id: stored.id } });
    expect(merge.results[1]).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    expect(toLog).toHaveLength(1);
  });

  it('returns a rejection with the row as the batch has left it so far', () => {
    const merge = new BatchMerge(TENANT, new ServerClock());
    const row = create(9);
    const refused: CheckedMutation = {
      rejected: {
        mutationId: 'm',
        status: 'rejected',
        error: { code: 'validation', message: 'bad' },
      },
      target: { table, id: accepted(row).data.id },
    };
    merge.merge([row, refused]);
    expect(merge.results[1]).toMatchObject({
      status: 'rejected',
      record: { id: accepted(row).data.id, name: accepted(row).data['name'] },
    });
  });

  it('treats a logged id as harmless only when the merge found the same mutation stale', () => {
    const merge = new BatchMerge(TENANT, new ServerClock());
    const replay = create(7);
    const stored = {
      ...accepted(replay).data,
      tenantId: TENANT,
      createdAt: null,
      updatedAt: accepted(replay).hlc,
      deletedAt: null,
      fieldClocks: Object.fromEntries(accounts.fieldNames.map((f) => [f, accepted(replay).hlc])),
    } as AnyRecord;
    merge.remember(table, new Map([[stored.id, stored]]));
    const fresh = create(8);
    merge.merge([replay, fresh]);
    expect(merge.results.map((r) => r.status)).toEqual(['stale', 'applied']);
    const replayLog = {
      mutationId: accepted(replay).mutationId,
      digest: mutationDigest(accepted(replay)),
    };
    expect(merge.harmful([replayLog])).toEqual([]);
    const freshLog = {
      mutationId: accepted(fresh).mutationId,
      digest: mutationDigest(accepted(fresh)),
    };
    expect(merge.harmful([freshLog])).toEqual([freshLog]);
    expect(merge.harmful([{ ...replayLog, digest: freshLog.digest }])).toHaveLength(1);
    expect(merge.harmful([{ mutationId: randomUUID(), digest: freshLog.digest }])).toHaveLength(1);
  });

  it('tells whether targets name distinct rows', () => {
    const id = randomUUID();
    expect(
      aimsAtDistinctRows([
        { table, id },
        { table, id: randomUUID() },
      ]),
    ).toBe(true);
    expect(
      aimsAtDistinctRows([
        { table, id },
        { table, id },
      ]),
    ).toBe(false);
  });
});
