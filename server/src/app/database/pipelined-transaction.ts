import { createHash } from 'node:crypto';
import type { PoolClient, QueryConfig } from 'pg';
import type { SqlRunner } from './sql-runner';

/**
 * One pooled connection inside BEGIN … COMMIT. The pool runs node-postgres in pipeline mode, so
 * statements issued without awaiting the ones before leave at once and are answered in order:
 * a caller that issues several together (awaiting them with one `Promise.all`) pays one round
 * trip for all of them while the household's lock is held.
 */
export class PipelinedTransaction implements SqlRunner {
  constructor(
    private readonly client: PoolClient,
    /** Whether statements may be prepared (see statementName). */
    private readonly prepares: boolean,
  ) {}

  async rows<T>(sql: string, parameters: readonly unknown[] = []): Promise<T[]> {
    const query: QueryConfig = { text: sql, values: [...parameters] };
    if (this.prepares && parameters.length > 0) query.name = statementName(sql);
    const result = await this.client.query(query);
    return result.rows as T[];
  }
}

const statementNames = new Map<string, string>();

/**
 * A prepared statement per distinct text: PostgreSQL parses and plans the push path's few, long
 * statements once per connection instead of once per batch (for a one-row batch, planning costs
 * more than the write). Only on a real server: a prepared statement lives in its session, and
 * the embedded database serves every pooled connection from one session, where names collide.
 * The texts come from a small fixed set (a few per table), so the map stays small.
 */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `finwise_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return name;
}
