import type { SyncedEntityDefinition } from '@finwise/domain';
import type { AnyRecord } from '@finwise/sync-protocol';
import { escapeLiteral } from 'pg';
import type { EntityManager, EntityMetadata } from 'typeorm';
import type { Statement } from './change-feed';
import { plainArrayLiteral } from './sql-arrays';
import { queryRowsNow } from '../database/query-rows';

interface ColumnMapping {
  property: string;
  column: string;
  sqlType: string;
}

export interface StoredRow {
  record: AnyRecord;
  serverSeq: number;
}

/** Columns every synced table has, managed by the engine rather than by entity fields. */
const SYSTEM_COLUMNS = [
  'tenantId',
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'fieldClocks',
  'serverSeq',
];

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
  private readonly upsertSql: (
    tenantParameter: string,
    rowsParameter: string,
    seqsParameter: string,
  ) => string;
  private readonly selectColumns: string;
  private readonly findByIdsSql: string;
  private readonly findByIdsText: (tenant: string, ids: string) => string;

  constructor(
    readonly definition: SyncedEntityDefinition,
    metadata: EntityMetadata,
  ) {
    this.modelName = definition.modelName;
    this.tableName = metadata.tableName;
    this.fieldNames = definition.fieldNames;
    const byProperty = new Map(metadata.columns.map((c) => [c.propertyName, c]));
    const missing = [...SYSTEM_COLUMNS, ...definition.fieldNames].filter((p) => !byProperty.has(p));
    if (missing.length > 0) {
      throw new Error(
        `Table ${metadata.tableName} lacks columns for ${definition.modelName}: ${missing.join(', ')}`,
      );
    }
    const extra = metadata.columns
      .map((c) => c.propertyName)
      .filter((p) => !SYSTEM_COLUMNS.includes(p) && !definition.fieldNames.includes(p));
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
    const columnList = written.map((c) => quote(c.column)).join(', ');
    const recordsetTypes = fromRecord.map((c) => `${quote(c.property)} ${c.sqlType}`).join(', ');
    const recordsetNames = written.map((c) => quote(c.property)).join(', ');
    const updates = written
      .filter((c) => c.property !== 'id' && c.property !== 'createdAt')
      .map((c) => `${quote(c.column)} = EXCLUDED.${quote(c.column)}`)
      .join(', ');
    const insertInto = `INSERT INTO ${quote(this.tableName)} (tenant_id, ${columnList}) `;
    const selectRows = written.map((c) => `r.${quote(c.property)}`).join(', ');
    const onConflict = `ON CONFLICT (tenant_id, id) DO UPDATE SET ${updates}`;
    this.upsertSql = (tenant, rows, seqs) =>
      `${insertInto}SELECT ${tenant}::uuid, ${selectRows} ` +
      `FROM ROWS FROM (jsonb_to_recordset(${rows}::jsonb) AS (${recordsetTypes}), unnest(${seqs}::bigint[])) AS r(${recordsetNames}) ${onConflict}`;
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
    this.findByIdsText = (tenant, ids) =>
      `SELECT found.* FROM unnest(${ids}::uuid[]) AS wanted(wanted_id) CROSS JOIN LATERAL ` +
      `(SELECT ${this.selectColumns} FROM ${quote(this.tableName)} WHERE tenant_id = (SELECT ${tenant}::uuid) AND id = wanted.wanted_id LIMIT 1) AS found`;
    this.findByIdsSql = this.findByIdsText('$1', '$2');
  }

  /**
   * One primary-key probe per id (`ids` must be distinct), whatever the planner's statistics
   * say. Its estimate of a household's size is often far off — right after an import, or for
   * one big household among many small ones — and with `tenant_id = $1 AND id = ANY($2)` it
   * then bitmap-scans every row the household has for every push batch, or probes the feed
   * index `(tenant_id, server_seq)` and filters the household's rows once per id. Two guards:
   * a LATERAL lookup with LIMIT 1 (not flattened into a join) makes the plan one probe per id,
   * and `(SELECT $1)` hides the tenant from the planner so it costs `tenant_id =` at the
   * average household size, where the two-column primary key is always the cheaper index.
   */
  async findByIds(
    manager: EntityManager,
    tenantId: string,
    ids: readonly string[],
  ): Promise<Map<string, AnyRecord>> {
    if (ids.length === 0) return new Map();
    // Sent at once (see queryRowsNow); a push probes the rows it names up front with findByIdsStatement.
    const rows = await queryRowsNow<Record<string, unknown>>(manager, this.findByIdsSql, [
      tenantId,
      plainArrayLiteral(ids),
    ]);
    return this.recordsById(rows);
  }

  /** findByIds as a statement without parameters, to travel with others in one message (see DatabaseService.inTenantWrite). */
  findByIdsStatement(tenantId: string, ids: readonly string[]): string {
    return this.findByIdsText(escapeLiteral(tenantId), escapeLiteral(plainArrayLiteral(ids)));
  }

  /** The rows a findByIds statement returned, by id. */
  recordsById(rows: readonly Record<string, unknown>[]): Map<string, AnyRecord> {
    return new Map(rows.map((row) => [row['id'] as string, this.toRecord(row)]));
  }

  /**
   * The multi-row upsert of merged rows (one statement whatever the batch size; rows travel as
   * one jsonb parameter), for ChangeFeed.writeAndAdvance. Ids must be distinct.
   */
  upsertStatement(tenantId: string, rows: readonly StoredRow[]): Statement {
    const json = JSON.stringify(rows.map(({ record }) => record));
    const seqs = plainArrayLiteral(rows.map(({ serverSeq }) => serverSeq));
    return (parameters) =>
      this.upsertSql(parameters.add(tenantId), parameters.add(json), parameters.add(seqs));
  }

  /** Rows changed after feed position `afterSeq`, in feed order. */
  async changesSince(
    manager: EntityManager,
    tenantId: string,
    afterSeq: number,
    limit: number,
  ): Promise<StoredRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${this.selectColumns} FROM ${quote(this.tableName)} WHERE tenant_id = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3`,
      [tenantId, afterSeq, limit],
    );
    return rows.map((row) => ({
      record: this.toRecord(row),
      serverSeq: row['server_seq'] as number,
    }));
  }

  async countSince(manager: EntityManager, tenantId: string, afterSeq: number): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM ${quote(this.tableName)} WHERE tenant_id = $1 AND server_seq > $2`,
      [tenantId, afterSeq],
    );
    return row.n as number;
  }

  /** Keyset page by id for REST listing. */
  async listPage(
    manager: EntityManager,
    tenantId: string,
    page: { after: string | null; limit: number; includeDeleted: boolean },
  ): Promise<AnyRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${this.selectColumns} FROM ${quote(this.tableName)} ` +
        `WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) AND ($3::boolean OR deleted_at IS NULL) ` +
        `ORDER BY id LIMIT $4`,
      [tenantId, page.after, page.includeDeleted, page.limit],
    );
    return rows.map((row) => this.toRecord(row));
  }

  private toRecord(row: Record<string, unknown>): AnyRecord {
    const createdAt = row['created_at'];
    const record: AnyRecord = {
      id: row['id'] as string,
      tenantId: row['tenant_id'] as string,
      createdAt: createdAt instanceof Date ? createdAt.toISOString() : (createdAt as string | null),
      updatedAt: row['updated_at'] as string,
      deletedAt: (row['deleted_at'] as string | null) ?? null,
      fieldClocks: (row['field_clocks'] as Record<string, string>) ?? {},
    };
    for (const field of this.fields) record[field.property] = row[field.column] ?? null;
    return record;
  }
}
