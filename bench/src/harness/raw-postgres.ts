import { randomUUID } from 'node:crypto';
import { transactions } from '@finwise/domain';
import type { Mutation } from '@finwise/sync-protocol';
import type { Pool, PoolClient } from 'pg';
import type { PushSide } from './interleaved-push';

/**
 * The raw PostgreSQL baselines: what plain `pg` does with the same rows, with none of the
 * product around it (no validation, merge, mutation log, RLS, socket or JSON round trip).
 * They run as the superuser on a copy of the product's `transactions` table (same columns,
 * primary key, feed index and tenant foreign key), so the table shape is not what differs.
 */
export interface RawTable {
  name: string;
  tenantId: string;
}

export interface Column {
  name: string;
  type: string;
}

/** The column a business field is stored in (`amountMinor` → `amount_minor`). */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The columns of the product's `transactions` table with their SQL types, in table order. */
export async function transactionColumns(client: PoolClient | Pool): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
     WHERE attrelid = 'transactions'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
  );
  return rows;
}

/** An empty copy of `transactions` plus a tenant row of its own. */
export async function createRawTable(pool: Pool, label: string): Promise<RawTable> {
  const name = `bench_raw_${label}_${randomUUID().slice(0, 8)}`;
  const tenantId = randomUUID();
  await pool.query(`CREATE TABLE ${name} (LIKE transactions INCLUDING ALL)`);
  await pool.query(
    `ALTER TABLE ${name} ADD FOREIGN KEY (tenant_id) REFERENCES tenants(id) ON DELETE CASCADE`,
  );
  await pool.query(`INSERT INTO tenants (id, name) VALUES ($1, $2)`, [tenantId, `raw ${label}`]);
  return { name, tenantId };
}

export async function dropRawTable(pool: Pool, table: RawTable): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${table.name}`);
  await pool.query(`DELETE FROM tenants WHERE id = $1`, [table.tenantId]);
}

/**
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE`, one statement per batch on one
 * connection, each awaited before the next (like the client's sequential pushes). The rows
 * carry what the product stores for a create: every field clock set to the mutation's HLC.
 * Returns the elapsed milliseconds, building the column arrays included. `firstSeq` continues
 * the feed positions of earlier calls on the same table.
 */
export async function rawUpsert(
  pool: Pool,
  table: RawTable,
  batches: readonly Mutation[][],
  firstSeq = 0,
): Promise<number> {
  const client = await pool.connect();
  try {
    const columns = (await transactionColumns(client)).filter((c) => c.name !== 'tenant_id');
    const names = columns.map((c) => c.name);
    const sql =
      `INSERT INTO ${table.name} (tenant_id, ${names.join(', ')}) ` +
      `SELECT $1::uuid, * FROM unnest(${columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ')}) ` +
      `ON CONFLICT (tenant_id, id) DO UPDATE SET ` +
      names
        .filter((n) => n !== 'id' && n !== 'created_at')
        .map((n) => `${n} = EXCLUDED.${n}`)
        .join(', ');
    const fieldColumns = new Map(transactions.fieldNames.map((f) => [snakeCase(f), f]));
    let seq = firstSeq;
    const started = performance.now();
    for (const batch of batches) {
      const now = new Date().toISOString();
      const arrays = columns.map(() => [] as unknown[]);
      for (const mutation of batch) {
        seq += 1;
        const clocks = JSON.stringify(
          Object.fromEntries(transactions.fieldNames.map((f) => [f, mutation.hlc])),
        );
        columns.forEach((column, i) => {
          switch (column.name) {
            case 'id':
              return arrays[i].push(mutation.data.id);
            case 'created_at':
            case 'changed_at':
              return arrays[i].push(now);
            case 'updated_at':
              return arrays[i].push(mutation.hlc);
            case 'deleted_at':
              return arrays[i].push(null);
            case 'field_clocks':
              return arrays[i].push(clocks);
            case 'server_seq':
              return arrays[i].push(seq);
            default: {
              const field = fieldColumns.get(column.name);
              return arrays[i].push(field ? (mutation.data[field] ?? null) : null);
            }
          }
        });
      }
      await client.query(sql, [table.tenantId, ...arrays]);
    }
    return performance.now() - started;
  } finally {
    client.release();
  }
}

/** rawUpsert as a side of interleavedPush: each round continues the table's feed positions. */
export function rawUpsertSide(pool: Pool, table: RawTable, name: string): PushSide {
  return { name, push: (slice, rowsBefore) => rawUpsert(pool, table, slice, rowsBefore) };
}

/**
 * Fresh planner statistics for a table, so a raw baseline read gets the plan PostgreSQL picks
 * in a steady state (an index scan in feed order). Right after a bulk load — before
 * autovacuum's next round — the statistics still describe a small table and the same query
 * may bitmap-scan and sort the tenant's whole remaining feed for every page. The product runs
 * without this help, as it would right after a user's import.
 */
export async function analyze(pool: Pool, tableName: string): Promise<void> {
  await pool.query(`ANALYZE ${tableName}`);
}

/**
 * Keyset read `WHERE tenant_id = $1 AND server_seq > $2 ORDER BY server_seq LIMIT n` over a
 * whole tenant, as plain `pg` row objects. Returns the rows and the elapsed milliseconds.
 */
export async function rawKeysetRead(
  pool: Pool,
  tableName: string,
  tenantId: string,
  pageSize = 1000,
  keepRows = true,
): Promise<{ ms: number; count: number; rows: Record<string, unknown>[] }> {
  const client = await pool.connect();
  try {
    const rows: Record<string, unknown>[] = [];
    let count = 0;
    let after = 0;
    const started = performance.now();
    for (;;) {
      const page = await client.query<Record<string, unknown>>(
        `SELECT * FROM ${tableName} WHERE tenant_id = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3`,
        [tenantId, after, pageSize],
      );
      count += page.rows.length;
      if (keepRows) for (const row of page.rows) rows.push(row);
      if (page.rows.length < pageSize) break;
      after = Number(page.rows[page.rows.length - 1]['server_seq']);
    }
    return { ms: performance.now() - started, count, rows };
  } finally {
    client.release();
  }
}
