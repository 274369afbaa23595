import fc from 'fast-check';
import { transactions } from '@finwise/domain';
import {
  applyMutation,
  formatHlc,
  sameRecord,
  type AnyRecord,
  type Hlc,
  type MutationInput,
} from '@finwise/sync-protocol';
import { mergeServerRecord } from './merge-server-record';

/*
 * The client merges what the server sends with `mergeServerRecord`; the server merges what
 * clients send with `applyMutation` (its push merge). Both must decide every field alike —
 * above all when a field's incoming clock equals the stored one, where both keep what they
 * hold. Otherwise a device and the server could hold different values under the same clock
 * and never converge.
 */

const FIELDS = transactions.fieldNames;
const ID = '0b7e6b2c-3f1a-4c1e-9a51-6f0c2b1d9e10';
const TENANT = '7d0b1c9e-5b7f-4f53-9d1e-0f8a3c2b1a00';
const CREATED_AT = '2026-11-25T10:00:00.000Z';
const BASE_MS = Date.UTC(2026, 10, 25, 10);

/** Few distinct clocks, so equal field clocks (ties) are common. */
const hlcArb: fc.Arbitrary<Hlc> = fc
  .record({
    offset: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'),
  })
  .map(({ offset, node }) => formatHlc({ ms: BASE_MS + offset, counter: 0, nodeId: node }));

/** Few distinct values too: a tie then often carries a different value than the stored one. */
const valueArb = fc.constantFrom<unknown>('a', 'b', 'Zz', 0, 7, -1, true, false, null);

const fieldSubset = fc.subarray([...FIELDS], { minLength: 1 });

/** A stored row as the server holds it: live (every field with a clock) or a tombstone. */
const storedArb: fc.Arbitrary<AnyRecord | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: hlcArb.map((hlc) => tombstone(hlc)) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.array(fc.tuple(hlcArb, valueArb), {
          minLength: FIELDS.length,
          maxLength: FIELDS.length,
        }),
      )
      .map(([entries]) => {
        const row: AnyRecord = {
          id: ID,
          tenantId: TENANT,
          createdAt: CREATED_AT,
          updatedAt: entries[0][0],
          deletedAt: null,
          fieldClocks: {},
        };
        FIELDS.forEach((field, i) => {
          const [hlc, value] = entries[i];
          row[field] = value;
          row.fieldClocks[field] = hlc;
          if (hlc > row.updatedAt) row.updatedAt = hlc;
        });
        return row;
      }),
  },
);

const mutationArb: fc.Arbitrary<MutationInput> = fc.oneof(
  fc
    .tuple(hlcArb, fieldSubset, fc.array(valueArb, { minLength: FIELDS.length }))
    .map(([hlc, fields, values]) => ({
      operation: 'update' as const,
      hlc,
      data: { id: ID, ...Object.fromEntries(fields.map((f, i) => [f, values[i]])) },
    })),
  fc.tuple(hlcArb, fc.array(valueArb, { minLength: FIELDS.length })).map(([hlc, values]) => ({
    operation: 'create' as const,
    hlc,
    data: { id: ID, ...Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) },
  })),
  hlcArb.map((hlc) => ({ operation: 'delete' as const, hlc, data: { id: ID } })),
);

/** What a client holding only this mutation's write knows of the row (a create writes every field). */
function writtenRecord(m: MutationInput): AnyRecord {
  if (m.operation === 'delete') return tombstone(m.hlc, null);
  const fields = m.operation === 'create' ? FIELDS : Object.keys(m.data).filter((k) => k !== 'id');
  const record: AnyRecord = {
    id: ID,
    createdAt: null,
    updatedAt: m.hlc,
    deletedAt: null,
    fieldClocks: {},
  };
  for (const field of fields) {
    record[field] = m.data[field] ?? null;
    record.fieldClocks[field] = m.hlc;
  }
  return record;
}

function tombstone(hlc: Hlc, createdAt: string | null = CREATED_AT): AnyRecord {
  const row: AnyRecord = {
    id: ID,
    tenantId: TENANT,
    createdAt,
    updatedAt: hlc,
    deletedAt: hlc,
    fieldClocks: {},
  };
  if (createdAt === null) delete row.tenantId;
  for (const field of FIELDS) row[field] = null;
  return row;
}

/** The server's push merge of a sequence, or null when a mutation is refused (`not_found`). */
function serverApplies(start: AnyRecord | undefined, mutations: readonly MutationInput[]) {
  let row = start;
  for (const m of mutations) {
    const outcome = applyMutation(row, m, FIELDS);
    if (outcome.status === 'not_found') return null;
    row = outcome.record;
  }
  return row;
}

function clientMerges(start: AnyRecord | undefined, mutations: readonly MutationInput[]) {
  let row = start;
  for (const m of mutations) row = mergeServerRecord(row, writtenRecord(m), FIELDS);
  return row;
}

describe('client merge (mergeServerRecord) and server merge (applyMutation)', () => {
  it('keep the stored value of every field whose incoming clock is equal', () => {
    fc.assert(
      fc.property(
        storedArb.filter((row) => row !== undefined && row.deletedAt === null),
        fieldSubset,
        fc.array(valueArb, { minLength: FIELDS.length }),
        (stored, fields, values) => {
          const row = stored as AnyRecord;
          // An update stamped with the clock one of its fields already has, other values.
          const hlc = row.fieldClocks[fields[0]];
          const data = { id: ID, ...Object.fromEntries(fields.map((f, i) => [f, values[i]])) };
          const server = serverApplies(row, [{ operation: 'update', hlc, data }]) as AnyRecord;
          const client = clientMerges(row, [{ operation: 'update', hlc, data }]) as AnyRecord;
          const tied = fields.filter((f) => row.fieldClocks[f] === hlc);
          return tied.every((f) => server[f] === row[f] && client[f] === row[f]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('agree on every row and sequence of writes, ties included', () => {
    fc.assert(
      fc.property(
        storedArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
        (stored, mutations) => {
          const server = serverApplies(stored, mutations);
          // A refused update reaches no client; nothing to compare.
          fc.pre(server !== null);
          return sameRecord(server, clientMerges(stored, mutations));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
