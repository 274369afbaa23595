import { normalisePayeeName, payeeIdFor, tidyPayeeName } from '@finwise/domain';
import { formatHlc, randomNodeId } from '@finwise/sync-protocol';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The finance fields of FINANCE §1 for databases created before them (the create migrations of
 * `transactions` and `categories` include them since, as the entity generator writes them):
 * - every distinct non-empty payee text of a household becomes a `payees` row, with the id of
 *   its normalised name (as the app creates payees), named by its most used spelling, and the
 *   transactions point at it with `payeeId`; the free-text column goes;
 * - the new transaction fields (bank ids, the transfer side's amount) start empty;
 * - categories gain `carryOverspending`, off.
 * Every row this changes is written as a change of the server's (a fresh HLC for the fields it
 * sets) at new positions of its household's change feed, so devices pull it like any edit.
 */
export class FinanceLedgerFields1796300000600 implements MigrationInterface {
  name = 'FinanceLedgerFields1796300000600';

  async up(q: QueryRunner): Promise<void> {
    const [{ had_payee_text: hadPayeeText }] = await q.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns
         WHERE table_name = 'transactions' AND column_name = 'payee') AS had_payee_text`,
    );
    for (const [column, type] of [
      ['payee_id', 'uuid'],
      ['imported_id', 'text'],
      ['imported_payee', 'text'],
      ['transfer_amount_minor', 'bigint'],
      ['transfer_imported_id', 'text'],
    ]) {
      await q.query(`ALTER TABLE transactions ADD COLUMN IF NOT EXISTS ${column} ${type}`);
    }
    await q.query(`ALTER TABLE categories ADD COLUMN IF NOT EXISTS carry_overspending boolean`);

    const hlc = formatHlc({ ms: Date.now(), counter: 0, nodeId: randomNodeId() });
    // Forced row-level security binds even the owner: each household's rows are changed under
    // that household's own scope.
    const tenants: { id: string }[] = await q.query('SELECT id FROM finwise_tenant_ids() AS id');
    for (const { id: tenantId } of tenants) {
      await q.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const [{ seq }] = await q.query('SELECT seq FROM tenants WHERE id = $1 FOR UPDATE', [
        tenantId,
      ]);
      let position = Number(seq);
      if (hadPayeeText) position = await migratePayees(q, tenantId, hlc, position);
      position = await switchCarryOverspendingOff(q, tenantId, hlc, position);
      await q.query('UPDATE tenants SET seq = $2 WHERE id = $1', [tenantId, position]);
    }
    await q.query(`SELECT set_config('app.tenant_id', '', true)`);
    if (hadPayeeText) await q.query('ALTER TABLE transactions DROP COLUMN payee');
  }

  async down(q: QueryRunner): Promise<void> {
    // The payee texts come back from the payees the transactions point at.
    await q.query('ALTER TABLE transactions ADD COLUMN payee text');
    const tenants: { id: string }[] = await q.query('SELECT id FROM finwise_tenant_ids() AS id');
    for (const { id: tenantId } of tenants) {
      await q.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await q.query(
        `UPDATE transactions t SET payee = coalesce(p.name, '')
           FROM transactions x LEFT JOIN payees p ON p.tenant_id = x.tenant_id AND p.id = x.payee_id
          WHERE t.tenant_id = $1 AND x.tenant_id = t.tenant_id AND x.id = t.id AND t.deleted_at IS NULL`,
        [tenantId],
      );
    }
    await q.query(`SELECT set_config('app.tenant_id', '', true)`);
    for (const column of [
      'payee_id',
      'imported_id',
      'imported_payee',
      'transfer_amount_minor',
      'transfer_imported_id',
    ]) {
      await q.query(`ALTER TABLE transactions DROP COLUMN ${column}`);
    }
    await q.query('ALTER TABLE categories DROP COLUMN carry_overspending');
  }
}

/** One household's payee texts as payee rows; returns the feed position reached. */
async function migratePayees(
  q: QueryRunner,
  tenantId: string,
  hlc: string,
  position: number,
): Promise<number> {
  const texts: { payee: string; uses: string }[] = await q.query(
    `SELECT payee, count(*) AS uses FROM transactions
      WHERE tenant_id = $1 AND payee IS NOT NULL AND btrim(payee) <> '' GROUP BY payee`,
    [tenantId],
  );
  // Spellings of one name ("REWE", "Rewe ") become one payee, named as most rows spell it.
  const byKey = new Map<string, { name: string; uses: number; texts: string[] }>();
  for (const { payee, uses } of texts) {
    const key = normalisePayeeName(payee);
    const entry = byKey.get(key) ?? { name: tidyPayeeName(payee), uses: 0, texts: [] };
    const count = Number(uses);
    if (count > entry.uses) Object.assign(entry, { name: tidyPayeeName(payee), uses: count });
    entry.texts.push(payee);
    byKey.set(key, entry);
  }
  const payees = [...byKey.values()].map((entry) => ({ ...entry, id: payeeIdFor(entry.name) }));
  if (payees.length > 0) {
    const clocks = JSON.stringify(
      Object.fromEntries(
        ['name', 'defaultCategoryId', 'favorite', 'mergedIntoId'].map((f) => [f, hlc]),
      ),
    );
    await q.query(
      `INSERT INTO payees (tenant_id, id, created_at, updated_at, deleted_at, field_clocks,
                           server_seq, changed_at, name, default_category_id, favorite, merged_into_id)
       SELECT $1, p.id, now(), $2, NULL, $3::jsonb, $4 + p.n, now(), p.name, NULL, false, NULL
         FROM unnest($5::uuid[], $6::text[]) WITH ORDINALITY AS p(id, name, n)
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      [tenantId, hlc, clocks, position, payees.map((p) => p.id), payees.map((p) => p.name)],
    );
    position += payees.length;
  }
  const mapping = payees.flatMap((p) => p.texts.map((text) => ({ text, id: p.id })));
  const [{ moved }] = await q.query(
    `WITH named AS (
       SELECT t.id, m.payee_id, row_number() OVER (ORDER BY t.server_seq) AS n
         FROM transactions t JOIN unnest($2::text[], $3::uuid[]) AS m(payee, payee_id)
           ON m.payee = t.payee
        WHERE t.tenant_id = $1 AND t.deleted_at IS NULL),
     moved AS (
       UPDATE transactions t
          SET payee_id = named.payee_id,
              field_clocks = (t.field_clocks - 'payee') || jsonb_build_object('payeeId', $4::text),
              updated_at = GREATEST(t.updated_at, $4::text),
              server_seq = $5 + named.n,
              changed_at = now()
         FROM named WHERE t.tenant_id = $1 AND t.id = named.id
       RETURNING 1)
     SELECT count(*)::int AS moved FROM moved`,
    [tenantId, mapping.map((m) => m.text), mapping.map((m) => m.id), hlc, position],
  );
  // The removed field's clock goes from every other row as well.
  await q.query(
    `UPDATE transactions SET field_clocks = field_clocks - 'payee'
      WHERE tenant_id = $1 AND field_clocks ? 'payee'`,
    [tenantId],
  );
  return position + Number(moved);
}

/** One household's live categories get the carry-over flag off; returns the position reached. */
async function switchCarryOverspendingOff(
  q: QueryRunner,
  tenantId: string,
  hlc: string,
  position: number,
): Promise<number> {
  const [{ switched }] = await q.query(
    `WITH numbered AS (
       SELECT id, row_number() OVER (ORDER BY server_seq) AS n FROM categories
        WHERE tenant_id = $1 AND deleted_at IS NULL AND carry_overspending IS NULL),
     switched AS (
       UPDATE categories c
          SET carry_overspending = false,
              field_clocks = c.field_clocks || jsonb_build_object('carryOverspending', $2::text),
              updated_at = GREATEST(c.updated_at, $2::text),
              server_seq = $3 + numbered.n,
              changed_at = now()
         FROM numbered WHERE c.tenant_id = $1 AND c.id = numbered.id
       RETURNING 1)
     SELECT count(*)::int AS switched FROM switched`,
    [tenantId, hlc, position],
  );
  return position + Number(switched);
}
