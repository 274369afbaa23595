import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { payeeIdFor } from '@finwise/domain';
import { encodeCursor, type AnyRecord, type PullPage } from '@finwise/sync-protocol';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/password-hasher';
import { startEmbeddedPostgres } from '../embedded-postgres';
import { DatabaseService } from '../database.service';
import { MIGRATIONS } from '.';
import { FinanceLedgerFields1796300000600 } from './1796300000600-finance-ledger-fields';
import {
  createThrowawayDatabase,
  testDatabaseKinds,
  type TestDatabaseKind,
  type ThrowawayDatabase,
} from '../../../testing/test-database';
import { startTestServer, type TestServer } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';

/**
 * The finance migration on a database that holds a household's ledger from before it: every
 * distinct non-empty payee text becomes one payee row with the id the app gives a new payee
 * (FINANCE §1), transactions point at it, and each changed row takes a new position in its own
 * household's change feed, so a device that synced before the upgrade pulls exactly the change.
 */
const PASSWORD = 'correct horse battery';
const OLD_HLC = '2026-01-05T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
const OLD_TRANSACTION_FIELDS = [
  'accountId',
  'date',
  'amountMinor',
  'payee',
  'notes',
  'categoryId',
  'cleared',
  'reconciled',
  'transferAccountId',
  'transferCleared',
  'transferReconciled',
  'parentId',
];

/** One household as the old schema held it: its rows in feed order, payee as free text. */
interface OldHousehold {
  tenantId: string;
  email: string;
  accountId: string;
  categoryId: string;
  /** Transactions by name; `null` payee text, or `deleted` for a tombstone. */
  transactions: Record<string, { id: string; payee: string | null; deleted?: boolean }>;
}

function household(payees: Record<string, string | null>, deleted: string[] = []): OldHousehold {
  return {
    tenantId: randomUUID(),
    email: `migration-${randomUUID()}@example.com`,
    accountId: randomUUID(),
    categoryId: randomUUID(),
    transactions: Object.fromEntries(
      Object.entries(payees).map(([name, payee]) => [
        name,
        { id: randomUUID(), payee, deleted: deleted.includes(name) },
      ]),
    ),
  };
}

const ours = household(
  {
    rewe: 'REWE',
    reweTrailing: 'Rewe ',
    reweAgain: 'REWE',
    cafe: '  Corner   Café ',
    empty: '',
    blank: '   ',
    none: null,
    tombstone: null,
  },
  ['tombstone'],
);
const theirs = household({ rewe: 'REWE', bakery: 'Bäckerei Schmidt' });
/** A household without transactions: only its category changes. */
const quiet = household({});

type Query = (sql: string, parameters?: unknown[]) => Promise<Record<string, any>[]>;

/** Writes one household's users, category and transactions in the old shape. */
async function insertOldHousehold(query: Query, old: OldHousehold): Promise<void> {
  const userId = randomUUID();
  await query(`INSERT INTO tenants (id, name) VALUES ($1, 'Old household')`, [old.tenantId]);
  await query(`INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)`, [
    userId,
    old.email,
    await hashPassword(PASSWORD),
  ]);
  await query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'owner')`, [
    old.tenantId,
    userId,
  ]);
  let seq = 0;
  const categoryClocks = {
    name: OLD_HLC,
    groupName: OLD_HLC,
    isIncome: OLD_HLC,
    hidden: OLD_HLC,
    sortOrder: OLD_HLC,
  };
  await query(
    `INSERT INTO categories (tenant_id, id, created_at, updated_at, deleted_at, field_clocks, server_seq,
                             name, group_name, is_income, hidden, sort_order)
     VALUES ($1, $2, now(), $3, NULL, $4, $5, 'Groceries', 'Everyday', false, false, 1)`,
    [old.tenantId, old.categoryId, OLD_HLC, JSON.stringify(categoryClocks), ++seq],
  );
  const clocks = Object.fromEntries(OLD_TRANSACTION_FIELDS.map((f) => [f, OLD_HLC]));
  for (const { id, payee, deleted } of Object.values(old.transactions)) {
    await query(
      `INSERT INTO transactions (tenant_id, id, created_at, updated_at, deleted_at, field_clocks, server_seq,
                                 account_id, date, amount_minor, payee, notes, category_id, cleared,
                                 reconciled, transfer_account_id, transfer_cleared, transfer_reconciled, parent_id)
       VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, true, false, NULL, NULL, NULL, NULL)`,
      deleted
        ? [old.tenantId, id, OLD_HLC, OLD_HLC, '{}', ++seq, null, null, null, null, null]
        : [
            old.tenantId,
            id,
            OLD_HLC,
            null,
            JSON.stringify(clocks),
            ++seq,
            old.accountId,
            '2026-01-04',
            -1999,
            payee,
            old.categoryId,
          ],
    );
  }
  await query(`UPDATE tenants SET seq = $2 WHERE id = $1`, [old.tenantId, seq]);
}

/**
 * A database migrated up to just before the finance migration, in the shape such a database has:
 * the create migrations of today already hold the finance columns, so they are taken back to
 * what they were (`payee` free text; no bank ids, transfer amount or carry-over flag).
 */
async function buildOldDatabase(url: string): Promise<void> {
  const before = MIGRATIONS.indexOf(FinanceLedgerFields1796300000600);
  const source = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.slice(0, before) });
  await source.initialize();
  try {
    await source.runMigrations({ transaction: 'each' });
    await source.query(`ALTER TABLE transactions DROP COLUMN payee_id, DROP COLUMN imported_id,
      DROP COLUMN imported_payee, DROP COLUMN transfer_amount_minor, DROP COLUMN transfer_imported_id,
      ADD COLUMN payee text`);
    await source.query(`ALTER TABLE categories DROP COLUMN carry_overspending`);
    for (const old of [ours, theirs, quiet]) {
      await insertOldHousehold((sql, parameters) => source.query(sql, parameters), old);
    }
  } finally {
    await source.destroy();
  }
}

describe.each(testDatabaseKinds())(
  'the finance ledger migration on %s',
  (kind: TestDatabaseKind) => {
    let server: TestServer;
    let throwaway: ThrowawayDatabase | null = null;
    let owner: Client | null = null;
    /** Reads past row-level security (the owner on PostgreSQL, PGlite's single superuser). */
    let query: Query;
    /** Each household's feed position before the upgrade. */
    const oldSeq = new Map<string, number>();

    beforeAll(async () => {
      if (kind === 'postgres') {
        throwaway = await createThrowawayDatabase();
        await buildOldDatabase(throwaway.url);
        server = await startTestServer(kind, { databaseUrl: throwaway.url });
        owner = new Client({ connectionString: throwaway.url });
        await owner.connect();
        query = async (sql, parameters) => (await owner!.query(sql, parameters)).rows;
      } else {
        const dataDir = await mkdtemp(join(tmpdir(), 'finwise-migration-'));
        const embedded = await startEmbeddedPostgres(dataDir);
        try {
          await buildOldDatabase(embedded.url);
        } finally {
          await embedded.stop();
        }
        server = await startTestServer(kind, { dataDir });
        const source = server.app.get(DatabaseService).dataSource;
        query = (sql, parameters) => source.query(sql, parameters);
      }
      for (const old of [ours, theirs, quiet]) {
        // The category, then the transactions (see insertOldHousehold).
        oldSeq.set(old.tenantId, 1 + Object.keys(old.transactions).length);
      }
    }, 120_000);
    afterAll(async () => {
      await owner?.end();
      await server?.stop();
      await throwaway?.drop();
    });

    /** Rows of one synced table of one household, by id. */
    async function rowsOf(
      table: string,
      tenantId: string,
    ): Promise<Map<string, Record<string, any>>> {
      const rows = await query(`SELECT * FROM ${table} WHERE tenant_id = $1`, [tenantId]);
      return new Map(rows.map((row) => [row['id'], row]));
    }

    it('drops the free text and adds the finance columns', async () => {
      const columns = await query(
        `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_name IN ('transactions', 'categories') AND table_schema = 'public'`,
      );
      const names = columns.map((c) => `${c['table_name']}.${c['column_name']}`);
      expect(names).not.toContain('transactions.payee');
      expect(names).toEqual(
        expect.arrayContaining([
          'transactions.payee_id',
          'transactions.imported_id',
          'transactions.imported_payee',
          'transactions.transfer_amount_minor',
          'transactions.transfer_imported_id',
          'categories.carry_overspending',
        ]),
      );
    });

    it('makes one payee per distinct normalised text, with the id of its name, per household', async () => {
      const payees = (tenantId: string) =>
        query(
          `SELECT id, name, favorite, default_category_id, merged_into_id, deleted_at, field_clocks
           FROM payees WHERE tenant_id = $1 ORDER BY name`,
          [tenantId],
        );
      const payee = (name: string) => ({
        id: payeeIdFor(name),
        name,
        favorite: false,
        default_category_id: null,
        merged_into_id: null,
        deleted_at: null,
        field_clocks: {
          name: expect.any(String),
          defaultCategoryId: expect.any(String),
          favorite: expect.any(String),
          mergedIntoId: expect.any(String),
        },
      });
      // "REWE" twice and "Rewe " once: one payee, named as most rows spell it.
      expect(await payees(ours.tenantId)).toEqual([payee('Corner Café'), payee('REWE')]);
      expect(payeeIdFor('Corner Café')).toBe(payeeIdFor('  corner   CAFÉ'));
      expect(await payees(theirs.tenantId)).toEqual([payee('Bäckerei Schmidt'), payee('REWE')]);
      expect(await payees(quiet.tenantId)).toEqual([]);
    });

    it('points every transaction at its payee, and empty texts at none', async () => {
      for (const old of [ours, theirs]) {
        const rows = await rowsOf('transactions', old.tenantId);
        for (const { id, payee, deleted } of Object.values(old.transactions)) {
          const row = rows.get(id)!;
          const expected = payee && payee.trim() !== '' ? payeeIdFor(payee) : null;
          expect({ id, payeeId: row['payee_id'] }).toEqual({ id, payeeId: expected });
          expect(row['field_clocks']).not.toHaveProperty('payee');
          if (expected) expect(row['field_clocks']).toHaveProperty('payeeId');
          if (deleted) expect(row['deleted_at']).toBe(OLD_HLC);
        }
      }
    });

    it('gives each changed row a new position in its own feed, and leaves the others where they were', async () => {
      for (const old of [ours, theirs, quiet]) {
        const before = oldSeq.get(old.tenantId)!;
        const [{ seq }] = await query(`SELECT seq FROM tenants WHERE id = $1`, [old.tenantId]);
        const positions: { table: string; id: string; seq: number }[] = [];
        for (const table of ['categories', 'transactions', 'payees']) {
          for (const row of (await rowsOf(table, old.tenantId)).values())
            positions.push({ table, id: row['id'], seq: Number(row['server_seq']) });
        }
        const seqs = positions.map((p) => p.seq).sort((a, b) => a - b);
        // Every position once, none beyond the counter: a cursor can neither skip nor repeat a row.
        expect(new Set(seqs).size).toBe(seqs.length);
        expect(Math.max(0, ...seqs)).toBe(Number(seq));
        const moved = positions.filter((p) => p.seq > before).map((p) => `${p.table}/${p.id}`);
        expect(moved.sort()).toEqual(changedRows(old).sort());
        expect(Number(seq)).toBe(before + changedRows(old).length);
      }
    });

    it('lets a device that synced before the upgrade pull exactly its household’s changes', async () => {
      const login = await server.request('POST', '/auth/login', {
        body: { email: ours.email, password: PASSWORD },
      });
      expect(login.status).toBe(200);
      const device = await TestSyncClient.connected(server.url, login.body.accessToken);
      try {
        const page = (await device.pull(encodeCursor(oldSeq.get(ours.tenantId)!))) as PullPage;
        expect(page.hasMore).toBe(false);
        const pulled = page.changes.map((c) => `${c.modelName}/${c.record.id}`);
        expect(pulled.sort()).toEqual(changedRows(ours).sort());
        const record = (key: string) =>
          page.changes.find((c) => `${c.modelName}/${c.record.id}` === key)?.record as AnyRecord;
        const rewe = record(`transactions/${ours.transactions['rewe'].id}`);
        expect(rewe).toMatchObject({ payeeId: payeeIdFor('REWE'), amountMinor: -1999 });
        expect(rewe).not.toHaveProperty('payee');
        // The migration's write is newer than the old row, so a device's merge takes it.
        expect(rewe.fieldClocks['payeeId'] > OLD_HLC).toBe(true);
        expect(rewe.updatedAt).toBe(rewe.fieldClocks['payeeId']);
        expect(record(`payees/${payeeIdFor('REWE')}`)).toMatchObject({
          name: 'REWE',
          deletedAt: null,
        });
        expect(record(`categories/${ours.categoryId}`)).toMatchObject({ carryOverspending: false });

        // A fresh device sees the whole household and nothing of the other one.
        device.cursor = null;
        await device.catchUp();
        const theirIds = new Set(Object.values(theirs.transactions).map((t) => t.id));
        const everything = [...device.rows.values()];
        expect(everything.filter((row) => theirIds.has(row.id))).toEqual([]);
        expect(everything.every((row) => row.tenantId === ours.tenantId)).toBe(true);
        expect(everything).toHaveLength(changedRows(ours).length + 4);
      } finally {
        device.disconnect();
      }
    });
  },
);

/** What the migration changes in a household: its new payees, the rows that name one, its categories. */
function changedRows(old: OldHousehold): string[] {
  const named = Object.values(old.transactions).filter(
    (t) => !t.deleted && t.payee !== null && t.payee.trim() !== '',
  );
  const payees = new Set(named.map((t) => payeeIdFor(t.payee!)));
  return [
    ...[...payees].map((id) => `payees/${id}`),
    ...named.map((t) => `transactions/${t.id}`),
    `categories/${old.categoryId}`,
  ];
}
