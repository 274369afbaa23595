import fc from 'fast-check';

export const CLIENTS = 3;
export const ROWS = 6;

export interface CategoryFields {
  name: string;
  groupName: string;
  isIncome: boolean;
  hidden: boolean;
  sortOrder: number;
}

export type Step =
  | { kind: 'create'; client: number; row: number; fields: CategoryFields }
  | { kind: 'update'; client: number; row: number; fields: Partial<CategoryFields> }
  | { kind: 'delete'; client: number; row: number }
  | { kind: 'offline'; client: number }
  | { kind: 'online'; client: number }
  | { kind: 'cut' }
  | { kind: 'drop-acks'; ms: number }
  | { kind: 'kill-server' }
  | { kind: 'kill-db-connections' }
  | { kind: 'expire-token'; client: number }
  | { kind: 'pause'; ms: number };

const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const row = fc.integer({ min: 0, max: ROWS - 1 });
const name = fc.constantFrom('Rent', 'Food', 'Fun', 'Fuel', 'Gifts', 'Tax');
const fields = fc.record({
  name,
  groupName: fc.constantFrom('Bills', 'Living', 'Saving'),
  isIncome: fc.boolean(),
  hidden: fc.boolean(),
  sortOrder: fc.integer({ min: 0, max: 99 }),
});

/** Writes dominate; faults of every kind are mixed in, server kills rarely (they are slow). */
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('create' as const), client, row, fields }) },
  {
    weight: 14,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      client,
      row,
      fields: fc.record(
        { name, hidden: fc.boolean(), sortOrder: fc.integer({ min: 0, max: 99 }) },
        { requiredKeys: [] },
      ).filter((f) => Object.keys(f).length > 0),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, row }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('offline' as const), client }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('online' as const), client }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'cut' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop-acks' as const), ms: fc.integer({ min: 20, max: 200 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'kill-db-connections' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('expire-token' as const), client }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 5, max: 80 }) }) },
);

/** A case: a few dozen steps; about one case in twelve kills the server once. */
export const planArb: fc.Arbitrary<Step[]> = fc
  .tuple(fc.array(stepArb, { minLength: 5, maxLength: 30 }), fc.integer({ min: 0, max: 11 }), fc.nat())
  .map(([steps, killDice, at]) => {
    if (killDice !== 0) return steps;
    const copy = [...steps];
    copy.splice(at % (copy.length + 1), 0, { kind: 'kill-server' });
    return copy;
  });
