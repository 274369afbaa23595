import { Client } from 'pg';
import type { TestServer } from './test-server';
import { DatabaseService } from '../app/database/database.service';
import { SyncedEntityRegistry } from '../app/sync/tables/synced-entity-registry';

/** Counts and a content digest of one table: any insert, update or delete changes it. */
interface TableState {
  rows: number;
  digest: string;
}

interface SyncedTableState extends TableState {
  maxServerSeq: number;
}

/** What the database holds, across every household: for "this input changed nothing". */
export interface DatabaseSnapshot {
  tenants: Record<string, { seq: number; purgedSeq: number }>;
  synced: Record<string, SyncedTableState>;
  mutationLog: TableState;
  changeHistory: TableState;
  accounts: Record<'users' | 'memberships' | 'invites' | 'refresh_tokens', TableState>;
}

export interface Snapshotter {
  take(): Promise<DatabaseSnapshot>;
  close(): Promise<void>;
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * Reads the whole database behind a test server, past row-level security: on PostgreSQL as
 * the owner the suite migrated with, on PGlite through the server's own (superuser) pool.
 */
export async function openSnapshotter(server: TestServer): Promise<Snapshotter> {
  let query: Query;
  let close = async () => undefined;
  if (server.kind === 'postgres') {
    const owner = new Client({ connectionString: server.config.databaseUrl });
    await owner.connect();
    query = async (sql) => (await owner.query(sql)).rows;
    close = async () => void (await owner.end());
  } else {
    const source = server.app.get(DatabaseService).dataSource;
    query = (sql) => source.query(sql);
  }
  const syncedTables = server.app
    .get(SyncedEntityRegistry)
    .all()
    .map((table) => table.tableName);
  const state = async (table: string, order: string): Promise<TableState> => {
    const [row] = await query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY ${order}), '')) AS digest FROM ${table} t`,
    );
    return { rows: Number(row['rows']), digest: String(row['digest']) };
  };
  return {
    async take() {
      const tenants = await query('SELECT id, seq, purged_seq FROM tenants ORDER BY id');
      const synced: Record<string, SyncedTableState> = {};
      for (const table of syncedTables) {
        const [seq] = await query(
          `SELECT coalesce(max(server_seq), 0)::bigint AS max FROM ${table}`,
        );
        synced[table] = {
          ...(await state(table, 'tenant_id, id')),
          maxServerSeq: Number(seq['max']),
        };
      }
      return {
        tenants: Object.fromEntries(
          tenants.map((t) => [
            String(t['id']),
            { seq: Number(t['seq']), purgedSeq: Number(t['purged_seq']) },
          ]),
        ),
        synced,
        mutationLog: await state('mutation_log', 'tenant_id, mutation_id'),
        changeHistory: await state('change_history', 'tenant_id, model_name, row_id, at, ordinal'),
        accounts: {
          users: await state('users', 'id'),
          memberships: await state('memberships', 'tenant_id, user_id'),
          invites: await state('invites', 'code_hash'),
          refresh_tokens: await state('refresh_tokens', 'id'),
        },
      };
    },
    close,
  };
}

/** How `after` differs from `before`: counts per table and household counters, for exact assertions. */
export function snapshotDelta(
  before: DatabaseSnapshot,
  after: DatabaseSnapshot,
): Record<string, number> {
  const delta: Record<string, number> = {};
  const note = (key: string, change: number) => {
    if (change !== 0) delta[key] = change;
  };
  for (const id of new Set([...Object.keys(before.tenants), ...Object.keys(after.tenants)])) {
    note(`tenants[${id}].seq`, (after.tenants[id]?.seq ?? 0) - (before.tenants[id]?.seq ?? 0));
  }
  note('tenants', Object.keys(after.tenants).length - Object.keys(before.tenants).length);
  for (const table of Object.keys(after.synced))
    note(`${table}.rows`, after.synced[table].rows - before.synced[table].rows);
  note('mutation_log.rows', after.mutationLog.rows - before.mutationLog.rows);
  note('change_history.rows', after.changeHistory.rows - before.changeHistory.rows);
  for (const table of Object.keys(after.accounts) as (keyof DatabaseSnapshot['accounts'])[]) {
    note(`${table}.rows`, after.accounts[table].rows - before.accounts[table].rows);
  }
  return delta;
}
