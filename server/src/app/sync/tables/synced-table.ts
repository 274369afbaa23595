import type { SyncedEntityDefinition } from '@finwise/domain';
import {
  compactFieldClocks,
  expandFieldClocks,
  RECORD_META_KEYS,
  type AnyRecord,
  type StoredFieldClocks,
} from '@finwise/sync-protocol';
import type { EntityMetadata } from 'typeorm';
import { plainArrayLiteral } from '../../database/sql-arrays';
import type { SqlRunner } from '../../database/sql-runner';

interface ColumnMapping {
  property: string;
  column: string;
  sqlType: string;
}

/** A row as the feed holds it: the wire record and its position in the household's feed. */
export interface StoredRow {
  record: AnyRecord;
  serverSeq: number;
}

/** A purged tombstone. */
export interface PurgedRow {
  id: string;
  serverSeq: number;
}

/** Columns every synced table has, managed by the engine rather than by entity fields. */
const ENGINE_COLUMNS: readonly string[] = [...RECORD_META_KEYS, 'serverSeq', 'changedAt'];

/** Above a push batch's 500 mutations, below where one statement's rows outgrow `work_mem`. */
const UPSERT_ROWS_PER_STATEMENT = 1_000;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The generic repository of one synced table: reads rows as wire records and writes merged
 * rows back with one multi-row upsert per batch. Every statement takes the tenant id as its
 * own parameter, so no query can reach another tenant's rows whatever the data says.
 */
export class SyncedTable {
  readonly modelName: string;
  readonly tableName: string;
  readonly fieldNames: readonly string[];
  private readonly fields: ColumnMapping[];
  private readonly selectColumns: string;
  private readonly upsertSql: string;
  private readonly findByIdsSql: string;

  constructor(
    readonly definition: SyncedEntityDefinition,
    metadata: EntityMetadata,
  ) {
    this.modelName = definition.modelName;
    this.tableName = metadata.tableName;
    this.fieldNames = definition.fieldNames;
    const byProperty = new Map(metadata.columns.map((c) => [c.propertyName, c]));
    const missing = [...ENGINE_COLUMNS, ...definition.fieldNames].filter((p) => !byProperty.has(p));
    if (missing.length > 0) {
      throw new Error(
        `Table ${metadata.tableName} lacks columns for ${definition.modelName}: ${missing.join(', ')}`,
      );
    }
    const extra = metadata.columns
      .map((c) => c.propertyName)
      .filter((p) => !ENGINE_COLUMNS.includes(p) && !definition.fieldNames.includes(p));
    if (extra.length > 0) {
      throw new Error(
        `Table ${metadata.tableName} has columns that are not fields of ${definition.modelName}: ${extra.join(', ')}`,
      );
    }
    const mapping = (property: string): ColumnMapping => {
      const column = byProperty.get(property);
      if (!column || typeof column.type !== 'string') {
        throw new Error(`${metadata.tableName}.${property}: declare the SQL type as a string`);
      }
      return { property, column: column.databaseName, sqlType: column.type };
    };
    this.fields = definition.fieldNames.map(mapping);
    this.selectColumns = [
      'tenant_id',
      'id',
      'created_at',
      'updated_at',
      'deleted_at',
      'field_clocks',
      'server_seq',
      ...this.fields.map((f) => f.column),
    ]
      .map(quote)
      .join(', ');

    // Rows travel as the records' own JSON (camelCase keys, no copy per row) and their feed
    // positions as a parallel array, zipped back together by ROWS FROM.
    const fromRecord = [
      'id',
      'createdAt',
      'updatedAt',
      'deletedAt',
      'fieldClocks',
      ...definition.fieldNames,
    ].map(mapping);
    const written = [...fromRecord, mapping('serverSeq')];
    const updates = written
      .filter((c) => c.property !== 'id' && c.property !== 'createdAt')
      .map((c) => `${quote(c.column)} = EXCLUDED.${quote(c.column)}`)
      .join(', ');
    const recordsetColumns = fromRecord.map((c) => `${quote(c.property)} ${c.sqlType}`).join(', ');
    this.upsertSql =
      `INSERT INTO ${quote(this.tableName)} ` +
      `(tenant_id, ${written.map((c) => quote(c.column)).join(', ')}, changed_at) ` +
      `SELECT $1::uuid, ${written.map((c) => `r.${quote(c.property)}`).join(', ')}, now() ` +
      `FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (${recordsetColumns}), ` +
      `unnest($3::bigint[])) AS r(${written.map((c) => quote(c.property)).join(', ')}) ` +
      `ON CONFLICT (tenant_id, id) DO UPDATE SET ${updates}, changed_at = now()`;

    // One primary-key probe per id, whatever the planner's statistics say. Its estimate of a
    // household's size is often far off — right after an import, or for one big household
    // among many small ones — and with `tenant_id = $1 AND id = ANY($2)` it then bitmap-scans
    // every row the household has for every push batch, or probes the feed index
    // `(tenant_id, server_seq)` and filters the household's rows once per id. Two guards: a
    // LATERAL lookup with LIMIT 1 (not flattened into a join) makes the plan one probe per id,
    // and `(SELECT $1)` hides the tenant from the planner so it costs `tenant_id =` at the
    // average household size, where the two-column primary key is always the cheaper index.
    this.findByIdsSql =
      `SELECT found.* FROM unnest($2::uuid[]) AS wanted(wanted_id) CROSS JOIN LATERAL ` +
      `(SELECT ${this.selectColumns} FROM ${quote(this.tableName)} ` +
      `WHERE tenant_id = (SELECT $1::uuid) AND id = wanted.wanted_id LIMIT 1) AS found`;
  }

  /** The stored rows (tombstones included) with these ids, by id; `ids` must be distinct and lowercase. */
  async findByIds(
    sql: SqlRunner,
    tenantId: string,
    ids: readonly string[],
  ): Promise<Map<string, AnyRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await sql.rows(this.findByIdsSql, [tenantId, plainArrayLiteral(ids)]);
    return new Map(rows.map((row) => [row['id'] as string, this.toRecord(row)]));
  }

  /** Writes merged rows with one multi-row upsert, whatever their number; ids must be distinct. */
  /**
   * Writes the rows in statements of at most `UPSERT_ROWS_PER_STATEMENT`. `jsonb_to_recordset`
   * materialises its whole result before the insert reads it, and past `work_mem` (4 MB by
   * default) that spills to a temporary file: a 9,769-row bank import spent 1.17 s in one
   * statement and 0.75 s in ten (bench/README.md, scenario 8). A push batch fits in one.
   */
  async upsert(sql: SqlRunner, tenantId: string, rows: readonly StoredRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += UPSERT_ROWS_PER_STATEMENT) {
      const part = rows.slice(start, start + UPSERT_ROWS_PER_STATEMENT);
      await sql.rows(this.upsertSql, [
        tenantId,
        JSON.stringify(part.map(({ record }) => this.stored(record))),
        plainArrayLiteral(part.map(({ serverSeq }) => serverSeq)),
      ]);
    }
  }

  /** Rows changed after feed position `afterSeq`, in feed order. */
  async changesSince(
    sql: SqlRunner,
    tenantId: string,
    afterSeq: number,
    limit: number,
  ): Promise<StoredRow[]> {
    const rows = await sql.rows(
      `SELECT ${this.selectColumns} FROM ${quote(this.tableName)} ` +
        'WHERE tenant_id = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3',
      [tenantId, afterSeq, limit],
    );
    return rows.map((row) => ({
      record: this.toRecord(row),
      serverSeq: row['server_seq'] as number,
    }));
  }

  async countSince(sql: SqlRunner, tenantId: string, afterSeq: number): Promise<number> {
    const [row] = await sql.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quote(this.tableName)} WHERE tenant_id = $1 AND server_seq > $2`,
      [tenantId, afterSeq],
    );
    return row.n;
  }

  /** Keyset page by id for REST listing. */
  async listPage(
    sql: SqlRunner,
    tenantId: string,
    page: { after: string | null; limit: number; includeDeleted: boolean },
  ): Promise<AnyRecord[]> {
    const rows = await sql.rows(
      `SELECT ${this.selectColumns} FROM ${quote(this.tableName)} ` +
        `WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) AND ($3::boolean OR deleted_at IS NULL) ` +
        `ORDER BY id LIMIT $4`,
      [tenantId, page.after, page.includeDeleted, page.limit],
    );
    return rows.map((row) => this.toRecord(row));
  }

  /**
   * Deletes tombstones whose latest write reached the server before `cutoff` (server time, not
   * the delete's HLC); returns their ids and feed positions.
   */
  async purgeTombstones(sql: SqlRunner, tenantId: string, cutoff: Date): Promise<PurgedRow[]> {
    return sql.rows<PurgedRow>(
      `DELETE FROM ${quote(this.tableName)} ` +
        'WHERE tenant_id = $1 AND deleted_at IS NOT NULL AND changed_at < $2 ' +
        'RETURNING id, server_seq AS "serverSeq"',
      [tenantId, cutoff],
    );
  }

  /** The record as its row stores it: the field clocks in their compact form. */
  private stored(record: AnyRecord): Record<string, unknown> {
    return { ...record, fieldClocks: compactFieldClocks(record.fieldClocks, this.fieldNames) };
  }

  private toRecord(row: Record<string, unknown>): AnyRecord {
    const createdAt = row['created_at'];
    const record: AnyRecord = {
      id: row['id'] as string,
      tenantId: row['tenant_id'] as string,
      createdAt: createdAt instanceof Date ? createdAt.toISOString() : (createdAt as string | null),
      updatedAt: row['updated_at'] as string,
      deletedAt: (row['deleted_at'] as string | null) ?? null,
      fieldClocks: expandFieldClocks(row['field_clocks'] as StoredFieldClocks, this.fieldNames),
    };
    for (const field of this.fields) record[field.property] = row[field.column] ?? null;
    return record;
  }
}
