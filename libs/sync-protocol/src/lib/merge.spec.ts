import fc from 'fast-check';
import { formatHlc, type Hlc } from './hlc';
import { applyMutation, mergeRecords, sameRecord, type MutationInput } from './merge';
import type { AnyRecord } from './record';

const FIELDS = ['name', 'amountMinor', 'cleared', 'notes'] as const;
const ID = '0b7e6b2c-3f1a-4c1e-9a51-6f0c2b1d9e10';
const BASE_MS = Date.UTC(2026, 0, 1);

const hlcArb = fc
  .record({
    offset: fc.integer({ min: 0, max: 1000 }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'),
  })
  .map(({ offset, counter, node }) => formatHlc({ ms: BASE_MS + offset, counter, nodeId: node }));

const valueFor: Record<(typeof FIELDS)[number], fc.Arbitrary<unknown>> = {
  name: fc.string({ maxLength: 5 }),
  amountMinor: fc.integer({ min: -1000, max: 1000 }),
  cleared: fc.boolean(),
  notes: fc.option(fc.string({ maxLength: 5 }), { nil: null }),
};

const fieldsArb = (required: boolean) =>
  fc.record(
    Object.fromEntries(FIELDS.map((f) => [f, valueFor[f]])) as Record<
      string,
      fc.Arbitrary<unknown>
    >,
    { requiredKeys: required ? ['name', 'amountMinor', 'cleared'] : [] },
  );

/** Mutation sets with pairwise distinct HLCs: one HLC is one write (as every real clock ensures). */
function mutationSet(operations: fc.Arbitrary<MutationInput['operation']>) {
  return fc.uniqueArray(hlcArb, { minLength: 1, maxLength: 8 }).chain((hlcs) =>
    fc.tuple(
      ...hlcs.map((hlc) =>
        operations.chain((operation) =>
          fieldsArb(operation === 'create').map((fields): MutationInput => ({
            operation,
            hlc,
            data: { id: ID, ...fields },
          })),
        ),
      ),
    ),
  );
}

function replay(start: AnyRecord | undefined, mutations: readonly MutationInput[]) {
  let record = start;
  for (const m of mutations) {
    const outcome = applyMutation(record, m, FIELDS, { updateMayCreate: false });
    if (outcome.status !== 'not_found') record = outcome.record;
  }
  return record;
}

function created(hlc: Hlc): AnyRecord {
  const outcome = applyMutation(
    undefined,
    { operation: 'create', hlc, data: { id: ID, name: 'base', amountMinor: 0, cleared: false } },
    FIELDS,
  );
  if (outcome.status !== 'applied') throw new Error('create must apply');
  return outcome.record;
}

const baseHlc = formatHlc({ ms: BASE_MS - 1, counter: 0, nodeId: 'aaaaaaaaaaaaaaaa' });

describe('applyMutation', () => {
  it('converges: replicas applying the same mutations to a row in any order end equal', () => {
    fc.assert(
      fc.property(
        mutationSet(fc.constantFrom('create', 'update', 'update', 'delete')),
        fc.func(fc.integer()),
        (mutations, shuffleKey) => {
          const base = created(baseHlc);
          const shuffled = [...mutations].sort((a, b) => shuffleKey(a.hlc) - shuffleKey(b.hlc));
          return sameRecord(replay(base, mutations), replay(base, shuffled));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('converges from nothing for creates and deletes in any order (grouping included)', () => {
    fc.assert(
      fc.property(
        mutationSet(fc.constantFrom('create', 'delete')),
        fc.func(fc.integer()),
        (mutations, key) => {
          const shuffled = [...mutations].sort((a, b) => key(a.hlc) - key(b.hlc));
          const half = Math.floor(shuffled.length / 2);
          // Associativity: applying one half to a replica and merging it with the other half's
          // replica gives the same row as applying everything in one place.
          const left = replay(undefined, shuffled.slice(0, half));
          const right = replay(undefined, shuffled.slice(half));
          const joined = right ? mergeRecords(left, right, FIELDS) : left;
          return (
            sameRecord(replay(undefined, mutations), replay(undefined, shuffled)) &&
            sameRecord(joined, replay(undefined, mutations))
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is idempotent: re-applying any mutation is stale and changes nothing', () => {
    fc.assert(
      fc.property(mutationSet(fc.constantFrom('create', 'update', 'delete')), (mutations) => {
        const state = replay(created(baseHlc), mutations);
        return mutations.every((m) => {
          const again = applyMutation(state, m, FIELDS);
          return again.status === 'stale' && sameRecord(again.record, state);
        });
      }),
    );
  });

  it('lets tombstones win over every update, whatever the clocks', () => {
    fc.assert(
      fc.property(mutationSet(fc.constantFrom('update', 'delete')), (mutations) => {
        fc.pre(mutations.some((m) => m.operation === 'delete'));
        const state = replay(created(baseHlc), mutations)!;
        const newestDelete = mutations
          .filter((m) => m.operation === 'delete')
          .map((m) => m.hlc)
          .sort()
          .at(-1);
        return (
          state.deletedAt === newestDelete &&
          Object.keys(state.fieldClocks).length === 0 &&
          FIELDS.every((f) => state[f] === null)
        );
      }),
    );
  });

  it('keeps different fields from two writers and the newer value of a shared field', () => {
    const base = created(baseHlc);
    const a = {
      operation: 'update',
      hlc: formatHlc({ ms: BASE_MS + 5, counter: 0, nodeId: 'aaaaaaaaaaaaaaaa' }),
      data: { id: ID, name: 'from A', amountMinor: 100 },
    } as const;
    const b = {
      operation: 'update',
      hlc: formatHlc({ ms: BASE_MS + 9, counter: 0, nodeId: 'bbbbbbbbbbbbbbbb' }),
      data: { id: ID, cleared: true, amountMinor: 200 },
    } as const;
    const ab = replay(base, [a, b])!;
    expect(ab).toMatchObject({ name: 'from A', cleared: true, amountMinor: 200, updatedAt: b.hlc });
    expect(sameRecord(ab, replay(base, [b, a]))).toBe(true);
  });

  it('reports stale when every field already has a newer clock, and applied on an equal value', () => {
    const base = created(baseHlc);
    const older = formatHlc({ ms: BASE_MS - 10, counter: 0, nodeId: 'bbbbbbbbbbbbbbbb' });
    expect(
      applyMutation(base, { operation: 'update', hlc: older, data: { id: ID, name: 'x' } }, FIELDS)
        .status,
    ).toBe('stale');
    const newer = formatHlc({ ms: BASE_MS + 10, counter: 0, nodeId: 'bbbbbbbbbbbbbbbb' });
    const same = applyMutation(
      base,
      { operation: 'update', hlc: newer, data: { id: ID, name: 'base' } },
      FIELDS,
    );
    expect(same.status).toBe('applied');
  });

  it('rejects an update of an unknown id unless told the data is a full record', () => {
    const m: MutationInput = { operation: 'update', hlc: baseHlc, data: { id: ID, name: 'x' } };
    expect(applyMutation(undefined, m, FIELDS).status).toBe('not_found');
    const full = applyMutation(undefined, m, FIELDS, { updateMayCreate: true });
    expect(full.status).toBe('applied');
  });

  it('stores a tombstone for a delete of an unknown id, so a late create cannot resurrect it', () => {
    const del = applyMutation(
      undefined,
      { operation: 'delete', hlc: baseHlc, data: { id: ID } },
      FIELDS,
    );
    expect(del.status).toBe('applied');
    if (del.status !== 'applied') return;
    expect(del.record).toMatchObject({ deletedAt: baseHlc, fieldClocks: {}, name: null });
    const lateCreate = formatHlc({ ms: BASE_MS + 100, counter: 0, nodeId: 'bbbbbbbbbbbbbbbb' });
    const create = applyMutation(
      del.record,
      {
        operation: 'create',
        hlc: lateCreate,
        data: { id: ID, name: 'x', amountMinor: 1, cleared: true },
      },
      FIELDS,
    );
    expect(create.status).toBe('stale');
  });

  it('equals merging the mutation as a record (server and client apply the same rule)', () => {
    fc.assert(
      fc.property(mutationSet(fc.constantFrom('update', 'delete')), (mutations) => {
        let applied = created(baseHlc);
        let merged = created(baseHlc);
        for (const m of mutations) {
          const outcome = applyMutation(applied, m, FIELDS);
          if (outcome.status === 'not_found') return false;
          applied = outcome.record;
          merged = mergeRecords(merged, asRecord(m), FIELDS);
        }
        return sameRecord(applied, merged);
      }),
    );
  });
});

function asRecord(m: MutationInput): AnyRecord {
  if (m.operation === 'delete') {
    return {
      id: ID,
      createdAt: null,
      updatedAt: m.hlc,
      deletedAt: m.hlc,
      fieldClocks: {},
      ...Object.fromEntries(FIELDS.map((f) => [f, null])),
    };
  }
  const { id, ...fields } = m.data;
  return {
    id,
    createdAt: null,
    updatedAt: m.hlc,
    deletedAt: null,
    fieldClocks: Object.fromEntries(Object.keys(fields).map((f) => [f, m.hlc])),
    ...fields,
  };
}

describe('mergeRecords', () => {
  /**
   * Rows as replicas hold them: one HLC is one write, so a field's value is a function of its
   * clock (`valueOf`, drawn once per run) — two versions never disagree at an equal clock.
   */
  const shapeArb = fc.tuple(
    fc.boolean(),
    fc.dictionary(fc.constantFrom(...FIELDS), hlcArb),
    hlcArb,
    fc.option(fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'), {
      nil: null,
    }),
  );
  const valueOfArb = fc.func<[string, Hlc], unknown>(
    fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
  );
  type Shape = [boolean, Partial<Record<string, Hlc>>, Hlc, string | null];
  const toRecord = (
    [deleted, clocks, deleteHlc, createdAt]: Shape,
    valueOf: (field: string, hlc: Hlc) => unknown,
  ): AnyRecord => {
    if (deleted) return asRecordTombstone(deleteHlc, createdAt);
    const record: AnyRecord = {
      id: ID,
      createdAt,
      updatedAt: baseHlc,
      deletedAt: null,
      fieldClocks: {},
    };
    for (const field of FIELDS) record[field] = null;
    for (const [field, hlc] of Object.entries(clocks)) {
      if (hlc === undefined) continue;
      record[field] = valueOf(field, hlc);
      record.fieldClocks[field] = hlc;
      if (hlc > record.updatedAt) record.updatedAt = hlc;
    }
    return record;
  };
  const recordsArb = (count: number) =>
    fc
      .tuple(valueOfArb, fc.array(shapeArb, { minLength: count, maxLength: count }))
      .map(([valueOf, shapes]) => shapes.map((shape) => toRecord(shape as Shape, valueOf)));

  it('is commutative', () => {
    fc.assert(
      fc.property(recordsArb(2), ([a, b]) =>
        sameRecord(mergeRecords(a, b, FIELDS), mergeRecords(b, a, FIELDS)),
      ),
      { numRuns: 500 },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(recordsArb(3), ([a, b, c]) =>
        sameRecord(
          mergeRecords(mergeRecords(a, b, FIELDS), c, FIELDS),
          mergeRecords(a, mergeRecords(b, c, FIELDS), FIELDS),
        ),
      ),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(fc.property(recordsArb(1), ([a]) => sameRecord(mergeRecords(a, a, FIELDS), a)));
  });

  it('keeps the local value of a field whose incoming clock is equal, as applyMutation keeps the stored one', () => {
    const stored = created(baseHlc);
    const tie: MutationInput = { operation: 'update', hlc: baseHlc, data: { id: ID, name: 'zzz' } };
    const applied = applyMutation(stored, tie, FIELDS);
    expect(applied).toMatchObject({ status: 'stale', record: { name: 'base' } });
    expect(mergeRecords(stored, asRecord(tie), FIELDS)).toMatchObject({ name: 'base' });
    // Whichever value sorts first: the stored one stays.
    const other = { ...stored, name: 'zzz' };
    expect(
      mergeRecords(other, asRecord({ ...tie, data: { id: ID, name: 'base' } }), FIELDS),
    ).toMatchObject({ name: 'zzz' });
  });

  it('keeps a local pending field that is newer than the incoming server value', () => {
    const local: AnyRecord = {
      id: ID,
      createdAt: null,
      updatedAt: 'b',
      deletedAt: null,
      fieldClocks: {
        name: formatHlc({ ms: BASE_MS + 50, counter: 0, nodeId: 'aaaaaaaaaaaaaaaa' }),
        amountMinor: baseHlc,
      },
      name: 'mine',
      amountMinor: 1,
    };
    local.updatedAt = local.fieldClocks['name'];
    const server: AnyRecord = {
      id: ID,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: formatHlc({ ms: BASE_MS + 20, counter: 0, nodeId: 'bbbbbbbbbbbbbbbb' }),
      deletedAt: null,
      fieldClocks: {
        name: formatHlc({ ms: BASE_MS + 20, counter: 0, nodeId: 'bbbbbbbbbbbbbbbb' }),
        amountMinor: formatHlc({ ms: BASE_MS + 20, counter: 0, nodeId: 'bbbbbbbbbbbbbbbb' }),
      },
      name: 'theirs',
      amountMinor: 2,
    };
    const merged = mergeRecords(local, server, FIELDS);
    expect(merged).toMatchObject({
      name: 'mine',
      amountMinor: 2,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });
});

function asRecordTombstone(hlc: Hlc, createdAt: string | null): AnyRecord {
  return {
    id: ID,
    createdAt,
    updatedAt: hlc,
    deletedAt: hlc,
    fieldClocks: {},
    ...Object.fromEntries(FIELDS.map((f) => [f, null])),
  };
}
