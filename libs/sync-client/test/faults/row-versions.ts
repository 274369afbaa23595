import { findEntity } from '@finwise/domain';
import { expandFieldClocks } from '@finwise/sync-protocol';
import { Client } from 'pg';

export interface RowVersion {
  model: string;
  id: string;
  serverSeq: number;
  deletedAt: string | null;
  fieldClocks: Record<string, string>;
}

export interface ServerRecord {
  /** `tenants.seq`: how far the household's change feed advanced. */
  seq: number;
  /** Every row version the server wrote, in feed order. */
  versions: RowVersion[];
  /** The household's processed mutation ids (`mutation_log`). */
  loggedMutations: string[];
}

/**
 * Test instrumentation on the throwaway database (the server's code is untouched): a trigger
 * copies every row version the server writes into `fault_row_versions`, so the oracle can see
 * each mutation's effects, not only the final state. The trigger function runs as the
 * administrator who installs it (SECURITY DEFINER): the serving role needs no grant.
 */
export async function installRowVersionLog(
  databaseUrl: string,
  tables: readonly string[],
): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query(`
      CREATE TABLE IF NOT EXISTS fault_row_versions (
        tenant_id uuid NOT NULL, model text NOT NULL, id uuid NOT NULL, server_seq bigint NOT NULL,
        deleted_at text, field_clocks jsonb NOT NULL)`);
    await client.query(`
      CREATE OR REPLACE FUNCTION fault_record_row_version() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        INSERT INTO fault_row_versions VALUES (NEW.tenant_id, TG_TABLE_NAME, NEW.id, NEW.server_seq, NEW.deleted_at, NEW.field_clocks);
        RETURN NULL;
      END $$`);
    for (const table of tables) {
      await client.query(`DROP TRIGGER IF EXISTS fault_row_versions ON ${table}`);
      await client.query(
        `CREATE TRIGGER fault_row_versions AFTER INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION fault_record_row_version()`,
      );
    }
  });
}

export async function readServerRecord(
  databaseUrl: string,
  tenantId: string,
): Promise<ServerRecord> {
  return withClient(databaseUrl, async (client) => {
    const tenant = await client.query('SELECT seq FROM tenants WHERE id = $1', [tenantId]);
    const versions = await client.query(
      'SELECT model, id, server_seq, deleted_at, field_clocks FROM fault_row_versions WHERE tenant_id = $1 ORDER BY server_seq',
      [tenantId],
    );
    const log = await client.query('SELECT mutation_id FROM mutation_log WHERE tenant_id = $1', [
      tenantId,
    ]);
    return {
      seq: Number(tenant.rows[0]?.seq ?? 0),
      versions: versions.rows.map((row) => ({
        model: row.model,
        id: row.id,
        serverSeq: Number(row.server_seq),
        deletedAt: row.deleted_at,
        // As the server reads them: a stored row names most fields' shared clock once.
        fieldClocks: expandFieldClocks(row.field_clocks, findEntity(row.model)?.fieldNames ?? []),
      })),
      loggedMutations: log.rows.map((row) => row.mutation_id),
    };
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
