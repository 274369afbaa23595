import { accounts } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import {
  EARLIEST_HLC_MS,
  formatHlc,
  HybridLogicalClock,
  randomNodeId,
  type AnyRecord,
} from '@finwise/sync-protocol';
import { randomUUID } from 'node:crypto';
import type { SyncedTable } from '../tables/synced-table';
import { mergeBatch, rowKey, type BatchMergeInput } from './batch-merge';
import type { AcceptedMutation, CheckedMutation } from './mutation-check';
import { mutationDigest } from './mutation-digest';
import { ServerClock } from './server-clock';

const table = {
  modelName: accounts.modelName,
  fieldNames: accounts.fieldNames,
  definition: accounts,
} as unknown as SyncedTable;
const clock = new HybridLogicalClock(randomNodeId());
const TENANT = '0f2e19ae-38a7-4fcc-b6d0-665e4677bdb1';
const NOW = '2026-12-01T10:00:00.000Z';

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

function merge(mutations: CheckedMutation[], options: Partial<BatchMergeInput> = {}) {
  const serverClock = new ServerClock();
  return mergeBatch({
    tenantId: TENANT,
    mutations,
    stored: new Map(),
    logged: new Map(),
    stampAfter: (floor) => serverClock.stampAfter(floor),
    nowIso: NOW,
    recordHistory: true,
    ...options,
  });
}

function storedRow(data: Record<string, unknown>, hlc: string): AnyRecord {
  return {
    ...data,
    tenantId: TENANT,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: hlc,
    deletedAt: null,
    fieldClocks: Object.fromEntries(accounts.fieldNames.map((f) => [f, hlc])),
  } as AnyRecord;
}

describe('mergeBatch', () => {
  it('applies new rows in mutation order, stamps them for the household and says which were inserted', () => {
    const batch = [create(1), create(2), create(3)];
    const merged = merge(batch);
    expect(merged.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(merged.changed.map((row) => row.record.id)).toEqual(
      batch.map((m) => accepted(m).data.id),
    );
    expect(merged.changed[0].record).toMatchObject({ tenantId: TENANT, createdAt: NOW });
    expect(merged.inserted).toEqual([true, true, true]);
    expect(merged.logEntries.map((entry) => entry.mutationId)).toEqual(
      batch.map((m) => accepted(m).mutationId.toLowerCase()),
    );
    expect(merged.newestHlc).toBe(accepted(batch[2]).hlc);
  });

  it('moves a row changed twice to the end of the feed, with its last state', () => {
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
    const merged = merge([row, other, rename]);
    expect(merged.changed.map((r) => r.record.id)).toEqual([
      accepted(other).data.id,
      accepted(row).data.id,
    ]);
    expect(merged.changed[1].record['name']).toBe('renamed');
    expect(merged.inserted).toEqual([true, true, false]);
  });

  it('answers a seed (a create stamped with the earliest HLC) of a row another device renamed as stale, keeping the name', () => {
    const data = sampleData(accounts, 7);
    const stored = storedRow({ ...data, name: 'Renamed on the phone' }, clock.tick());
    const seed = create(7, {
      data,
      hlc: formatHlc({ ms: EARLIEST_HLC_MS, counter: 0, nodeId: randomNodeId() }),
    });
    const merged = merge([seed], { stored: new Map([[rowKey(table, stored.id), stored]]) });
    expect(merged.results[0]).toMatchObject({
      status: 'stale',
      record: { id: stored.id, name: 'Renamed on the phone' },
    });
    expect(merged.changed).toEqual([]);
  });

  it('returns a rejected mutation with the stored row, and logs only processed mutations', () => {
    const stored = storedRow(sampleData(accounts, 5), clock.tick());
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
    const merged = merge([refused, update, create(6)], {
      stored: new Map([[rowKey(table, stored.id), stored]]),
    });
    expect(merged.results[0]).toMatchObject({ status: 'rejected', record: { id: stored.id } });
    expect(merged.results[1]).toMatchObject({
      status: 'rejected',
      error: { code: 'not_found' },
    });
    expect(merged.logEntries).toHaveLength(1);
  });

  it('returns a rejection with the row as the batch has left it so far', () => {
    const row = create(9);
    const refused: CheckedMutation = {
      rejected: {
        mutationId: 'm',
        status: 'rejected',
        error: { code: 'validation', message: 'bad' },
      },
      target: { table, id: accepted(row).data.id },
    };
    const merged = merge([row, refused]);
    expect(merged.results[1]).toMatchObject({
      status: 'rejected',
      record: { id: accepted(row).data.id, name: accepted(row).data['name'] },
    });
  });

  it('answers a logged mutation as stale when it is the same mutation, and refuses an id reused for other content', () => {
    const replay = create(7);
    const reused = create(8);
    const stored = storedRow(accepted(replay).data, accepted(replay).hlc as string);
    const merged = merge([replay, reused], {
      stored: new Map([[rowKey(table, stored.id), stored]]),
      logged: new Map([
        [accepted(replay).mutationId.toLowerCase(), mutationDigest(accepted(replay))],
        [accepted(reused).mutationId.toLowerCase(), mutationDigest(accepted(replay))],
      ]),
    });
    expect(merged.results[0]).toMatchObject({ status: 'stale', record: { id: stored.id } });
    expect(merged.results[1]).toMatchObject({
      status: 'rejected',
      error: { code: 'validation' },
    });
    expect(merged.changed).toEqual([]);
    expect(merged.logEntries).toEqual([]);
  });

  it('stamps a REST write after the row it changes and never logs it', () => {
    const stored = storedRow(sampleData(accounts, 11), clock.tick());
    const merged = merge(
      [
        {
          accepted: {
            mutationId: randomUUID(),
            table,
            operation: 'update',
            data: { id: stored.id, name: 'via REST' },
            hlc: 'server',
            complete: false,
            requireLive: true,
          },
        },
      ],
      { stored: new Map([[rowKey(table, stored.id), stored]]) },
    );
    expect(merged.results[0].status).toBe('applied');
    expect(merged.changed[0].record.updatedAt > stored.updatedAt).toBe(true);
    expect(merged.logEntries).toEqual([]);
    expect(merged.newestHlc).toBeNull();
    // The history keeps the clock the server stamped, not a placeholder.
    expect(merged.history).toEqual([
      expect.objectContaining({
        hlc: merged.changed[0].record.updatedAt,
        applied: { name: 'via REST' },
        replaced: { name: [stored['name'], stored.updatedAt] },
        lost: null,
      }),
    ]);
  });

  describe('history', () => {
    const update = (id: string, data: Record<string, unknown>, hlc: string): CheckedMutation => ({
      accepted: {
        mutationId: randomUUID(),
        table,
        operation: 'update',
        data: { id, ...data },
        hlc,
        complete: false,
      },
    });

    it('records a new row with every field applied and nothing replaced', () => {
      const row = create(21);
      const merged = merge([row]);
      const data = accepted(row).data;
      expect(merged.history).toEqual([
        {
          modelName: 'accounts',
          rowId: data.id,
          ordinal: 0,
          hlc: accepted(row).hlc,
          operation: 'create',
          applied: Object.fromEntries(accounts.fieldNames.map((f) => [f, data[f] ?? null])),
          replaced: null,
          lost: null,
        },
      ]);
    });

    it('splits a partly older update into applied fields with what they replaced and lost ones', () => {
      const older = clock.tick();
      const newer = clock.tick();
      const data = sampleData(accounts, 22);
      const stored = {
        ...storedRow(data, older),
        fieldClocks: {
          ...storedRow(data, older).fieldClocks,
          note: clock.tick(), // written after the update below was made
        },
      } as AnyRecord;
      const merged = merge([update(stored.id, { name: 'new name', note: 'lost note' }, newer)], {
        stored: new Map([[rowKey(table, stored.id), stored]]),
      });
      expect(merged.results[0].status).toBe('applied');
      expect(merged.history).toEqual([
        expect.objectContaining({
          operation: 'update',
          applied: { name: 'new name' },
          replaced: { name: [data['name'], older] },
          lost: { note: 'lost note' },
        }),
      ]);
    });

    it('records a stale update as lost, a delete without fields, and every mutation of a row in order', () => {
      const row = create(23);
      const id = accepted(row).data.id;
      const deleted: CheckedMutation = {
        accepted: { ...accepted(update(id, {}, clock.tick())), operation: 'delete', data: { id } },
      };
      const late = update(id, { name: 'too late' }, clock.tick());
      const merged = merge([row, deleted, late]);
      expect(merged.results.map((r) => r.status)).toEqual(['applied', 'applied', 'stale']);
      expect(
        merged.history.map(({ ordinal, operation, applied, replaced, lost }) => ({
          ordinal,
          operation,
          applied: Object.keys(applied),
          replaced,
          lost,
        })),
      ).toEqual([
        {
          ordinal: 0,
          operation: 'create',
          applied: accounts.fieldNames,
          replaced: null,
          lost: null,
        },
        { ordinal: 1, operation: 'delete', applied: [], replaced: null, lost: null },
        {
          ordinal: 2,
          operation: 'update',
          applied: [],
          replaced: null,
          lost: { name: 'too late' },
        },
      ]);
    });

    it('records neither replays nor refusals, and nothing at all when switched off', () => {
      const replay = create(24);
      const stored = storedRow(accepted(replay).data, accepted(replay).hlc as string);
      const options = {
        stored: new Map([[rowKey(table, stored.id), stored]]),
        logged: new Map([
          [accepted(replay).mutationId.toLowerCase(), mutationDigest(accepted(replay))],
        ]),
      };
      const unknown = update(randomUUID(), { name: 'x' }, clock.tick());
      expect(merge([replay, unknown], options).history).toEqual([]);
      expect(merge([create(25)], { recordHistory: false }).history).toEqual([]);
    });
  });
});
