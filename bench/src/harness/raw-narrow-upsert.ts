import { randomUUID } from 'node:crypto';
import { transactions } from '@finwise/domain';
import type { Mutation } from '@finwise/sync-protocol';
import type { Pool, PoolClient } from 'pg';
import type { PushSide } from './interleaved-push';
import { snakeCase, transactionColumns, type Column } from './raw-postgres';

/**
 * The narrow raw baseline: the least PostgreSQL must do to store N transactions. A table of
 * `tenant_id`, `id` and one column per business field of the entity (types as in the real
 * `transactions` table), primary key `(tenant_id, id)` and nothing else: no foreign key, no
 * field clocks, feed position, timestamps or feed index. Rows are upserted by one named
 * prepared `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE` per batch on one connection,
 * each awaited in turn, from column arrays built before any timing starts.
 */
export interface NarrowUpsert extends PushSide {
  /** Rows the table holds now: the caller checks that every pushed row arrived. */
  countRows(): Promise<number>;
  /** Releases the connection and drops the table. */
  close(): Promise<void>;
}

/** The side's name in interleavedPush's results. */
export const NARROW_SIDE = 'raw narrow';

/** The business columns, typed from the real table; fails loudly if a field has no column. */
async function narrowColumns(client: PoolClient): Promise<Column[]> {
  const types = new Map((await transactionColumns(client)).map((c) => [c.name, c.type]));
  return ['id', ...transactions.fieldNames.map(snakeCase)].map((name) => {
    const type = types.get(name);
    if (!type) throw new Error(`transactions has no column ${name}`);
    return { name, type };
  });
}

/** One array per column (`id` first, then the fields in entity order) for one batch. */
function columnArrays(batch: readonly Mutation[]): unknown[][] {
  const arrays: unknown[][] = [batch.map((m) => m.data.id)];
  for (const field of transactions.fieldNames)
    arrays.push(batch.map((m) => (m.data as Record<string, unknown>)[field] ?? null));
  return arrays;
}

/**
 * Creates the narrow table, builds the parameters of every batch, and prepares the statement
 * on the connection it keeps (one execution with empty arrays, which stores nothing), so that
 * `push` times only sending the batches and PostgreSQL storing them. `push` accepts only
 * batches given here.
 */
export async function openNarrowUpsert(
  pool: Pool,
  label: string,
  batches: readonly Mutation[][],
): Promise<NarrowUpsert> {
  const table = `bench_narrow_${label}_${randomUUID().slice(0, 8)}`;
  const tenantId = randomUUID();
  const client = await pool.connect();
  let created = false;
  const close = async () => {
    try {
      if (created) await client.query(`DROP TABLE IF EXISTS ${table}`);
    } finally {
      // Destroyed, not returned to the pool: its prepared statement names a dropped table.
      client.release(true);
    }
  };
  try {
    const columns = await narrowColumns(client);
    await client.query(
      `CREATE TABLE ${table} (tenant_id uuid NOT NULL, ` +
        columns.map((c) => `${c.name} ${c.type}`).join(', ') +
        `, PRIMARY KEY (tenant_id, id))`,
    );
    created = true;
    const fields = columns.filter((c) => c.name !== 'id').map((c) => c.name);
    const statement = {
      name: `${table}_upsert`,
      text:
        `INSERT INTO ${table} (tenant_id, ${columns.map((c) => c.name).join(', ')}) ` +
        `SELECT $1::uuid, * FROM unnest(${columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ')}) ` +
        `ON CONFLICT (tenant_id, id) DO UPDATE SET ` +
        fields.map((f) => `${f} = EXCLUDED.${f}`).join(', '),
    };
    const values = new Map(batches.map((b) => [b, [tenantId, ...columnArrays(b)]]));
    await client.query({ ...statement, values: [tenantId, ...columns.map(() => [])] });
    return {
      name: NARROW_SIDE,
      async push(slice) {
        const prepared = slice.map((batch) => {
          const params = values.get(batch);
          if (!params) throw new Error('batch not prepared for the narrow upsert');
          return params;
        });
        const started = performance.now();
        for (const params of prepared) await client.query({ ...statement, values: params });
        return performance.now() - started;
      },
      async countRows() {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
        return Number(rows[0].n);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
