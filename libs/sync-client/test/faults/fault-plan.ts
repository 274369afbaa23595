import fc from 'fast-check';

export const CLIENTS = 3;
export const ROWS = 6;

/** The synced entities the clients write: rows alternate between them. */
export const MODELS = ['categories', 'account_groups'] as const;
export type ModelName = (typeof MODELS)[number];
export const modelOfRow = (row: number): ModelName => MODELS[row % MODELS.length];

export interface CategoryFields {
  name: string;
  groupName: string;
  isIncome: boolean;
  hidden: boolean;
  sortOrder: number;
}

const FIELDS: Record<ModelName, readonly (keyof CategoryFields)[]> = {
  categories: ['name', 'groupName', 'isIncome', 'hidden', 'sortOrder'],
  account_groups: ['name', 'sortOrder'],
};

/** The generated fields that `model` has (an account group is a name and a sort order). */
export function fieldsFor(
  model: ModelName,
  fields: Partial<CategoryFields>,
): Record<string, unknown> {
  const own = Object.fromEntries(
    FIELDS[model].filter((f) => f in fields).map((f) => [f, fields[f]]),
  );
  return Object.keys(own).length > 0 ? own : { sortOrder: 0 };
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
  /** SIGKILL `delayMs` after the next push frame reached the server; `client` writes to cause one. */
  | { kind: 'kill-mid-push'; client: number; row: number; fields: CategoryFields; delayMs: number }
  | { kind: 'kill-db-connections' }
  | { kind: 'expire-token'; client: number }
  /** The client's next handshake uses a token that expires in `seconds`: the server must drop the socket then. */
  | { kind: 'short-token'; client: number; seconds: number }
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
const patch = fc
  .record(
    { name, hidden: fc.boolean(), sortOrder: fc.integer({ min: 0, max: 99 }) },
    { requiredKeys: [] },
  )
  .filter((f) => Object.keys(f).length > 0);

/** Writes dominate; faults of every kind are mixed in, server kills rarely (they are slow). */
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant('create' as const), client, row, fields }),
  },
  {
    weight: 14,
    arbitrary: fc.record({ kind: fc.constant('update' as const), client, row, fields: patch }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, row }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('offline' as const), client }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('online' as const), client }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'cut' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('drop-acks' as const),
      ms: fc.integer({ min: 20, max: 200 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'kill-db-connections' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('expire-token' as const), client }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pause' as const),
      ms: fc.integer({ min: 5, max: 80 }),
    }),
  },
);

const killMidPush = fc.record({
  kind: fc.constant('kill-mid-push' as const),
  client,
  row,
  fields,
  delayMs: fc.integer({ min: 0, max: 15 }),
});

/**
 * A case: a few dozen steps; about one case in eight kills the server once — mostly right
 * after a push reached it, sometimes at a random moment — and one in five hands a client a
 * token that runs out during the case (slow: the case waits for it, so not more often).
 */
export const planArb: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.array(stepArb, { minLength: 5, maxLength: 30 }),
    fc.integer({ min: 0, max: 23 }),
    fc.nat(),
    killMidPush,
    fc.integer({ min: 0, max: 4 }),
    fc.nat(),
    client,
  )
  .map(([steps, killDice, killAt, midPush, tokenDice, tokenAt, tokenClient]) => {
    const copy = [...steps];
    if (killDice <= 2)
      copy.splice(
        killAt % (copy.length + 1),
        0,
        killDice === 0 ? { kind: 'kill-server' } : midPush,
      );
    if (tokenDice === 0)
      copy.splice(tokenAt % (copy.length + 1), 0, {
        kind: 'short-token',
        client: tokenClient,
        seconds: 2,
      });
    return copy;
  });
