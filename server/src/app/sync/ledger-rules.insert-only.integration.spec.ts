import { randomUUID } from 'node:crypto';
import type { PushAck } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { RuleChecks, type RowData } from '../../testing/rule-checks';

/**
 * The insert-only entities of FINANCE §1, budget moves and reconciliations, through both doors:
 * a write that would change a stored field is refused, a create sent again changes nothing and
 * is `stale`, a delete (undo) is allowed. Budget moves also need a positive amount and two sides.
 */
const GROCERIES = randomUUID();
const RENT = randomUUID();
const CHECKING = randomUUID();

const INSERT_ONLY = [
  {
    modelName: 'budget_moves',
    row: (): RowData => ({
      id: randomUUID(),
      month: '2026-11',
      fromCategoryId: GROCERIES,
      toCategoryId: RENT,
      amountMinor: 2500,
      note: 'rent went up',
    }),
    change: { amountMinor: 9900 },
  },
  {
    modelName: 'reconciliations',
    row: (): RowData => ({
      id: randomUUID(),
      accountId: CHECKING,
      statementDate: '2026-11-30',
      statementBalanceMinor: 123_456,
      clearedTotalMinor: 123_456,
      adjustmentId: null,
    }),
    change: { statementBalanceMinor: 100_000 },
  },
] as const;

const neverChange = (modelName: string) =>
  `data ${modelName} rows never change once written: create a new one instead`;

describe.each(testDatabaseKinds())('insert-only ledger rows on %s', (kind) => {
  let server: TestServer;
  let checks: RuleChecks;

  beforeAll(async () => {
    server = await startTestServer(kind);
    checks = await RuleChecks.open(server);
  });
  afterAll(async () => {
    await checks?.close();
    await server?.stop();
  });

  describe.each(INSERT_ONLY)('$modelName', ({ modelName, row, change }) => {
    let stored: RowData;

    beforeAll(async () => {
      stored = await checks.applied(modelName, 'create', row());
    });

    it('refuses an update of a stored field, over the socket and over REST', async () => {
      const message = neverChange(modelName);
      await checks.pushRejected(modelName, 'update', { id: stored.id, ...change }, message);
      await checks.restRejected(
        { method: 'PATCH', path: `/${modelName}/${stored.id}`, body: change },
        message,
      );
      // A full create naming the stored id with other values is the same change.
      const rewrite = { ...row(), id: stored.id, ...change };
      await checks.pushRejected(modelName, 'create', rewrite, message);
      await checks.restRejected({ method: 'POST', path: `/${modelName}`, body: rewrite }, message);
    });

    it('answers the same create sent again with stale and changes nothing', async () => {
      const create = row();
      const mutation = checks.client.mutation(modelName, 'create', create);
      const written = (await checks.client.push([mutation])) as PushAck;
      expect(written.results[0]).toMatchObject({ status: 'applied', record: create });
      const record = written.results[0].record;
      // The outbox sending the very mutation again (its ack was lost): nothing at all changes.
      const resent = await checks.unchanged(() => checks.client.push([mutation]));
      expect(resent).toMatchObject({ results: [{ status: 'stale', record }] });
      // The same create written anew (another mutation): no row and no feed position changes.
      const before = await checks.snapshot();
      expect(await checks.push(modelName, 'create', create)).toEqual(
        expect.objectContaining({ status: 'stale', record }),
      );
      const after = await checks.snapshot();
      expect({ feed: after.tenants, rows: after.synced }).toEqual({
        feed: before.tenants,
        rows: before.synced,
      });
      // Over REST too, nothing changes.
      const posted = await checks.unchanged(() =>
        checks.rest({ method: 'POST', path: `/${modelName}`, body: create }),
      );
      expect(posted.status).not.toBe(201);
    });

    // DESIGN §5: a POST merged into an existing id answers 200 with the row.
    it('answers the same create sent again over REST with 200 and the row', async () => {
      const create = row();
      const record = await checks.applied(modelName, 'create', create);
      const posted = await checks.rest({ method: 'POST', path: `/${modelName}`, body: create });
      expect(posted).toMatchObject({
        status: 200,
        body: { ...create, updatedAt: record['updatedAt'] },
      });
    });

    it('allows a delete (undo), over the socket and over REST', async () => {
      const pushed = await checks.applied(modelName, 'create', row());
      expect(await checks.applied(modelName, 'delete', { id: pushed.id })).toMatchObject({
        id: pushed.id,
        deletedAt: expect.any(String),
      });
      const posted = await checks.rest({ method: 'POST', path: `/${modelName}`, body: row() });
      expect(posted.status).toBe(201);
      const deleted = await checks.rest({
        method: 'DELETE',
        path: `/${modelName}/${posted.body.id}`,
      });
      expect(deleted).toMatchObject({ status: 200, body: { deletedAt: expect.any(String) } });
    });
  });

  describe('budget moves', () => {
    const move = (fields: Record<string, unknown>): RowData => ({
      ...INSERT_ONLY[0].row(),
      ...fields,
    });
    const POSITIVE =
      'data.amountMinor must be more than 0 (a move goes from one side to the other)';
    const TWO_SIDES =
      'data.toCategoryId must differ from fromCategoryId (a move needs two different sides)';

    it.each([0, -2500])('refuses an amount of %p', async (amountMinor) => {
      const zero = move({ amountMinor });
      await checks.pushRejected('budget_moves', 'create', zero, POSITIVE);
      await checks.restRejected({ method: 'POST', path: '/budget_moves', body: zero }, POSITIVE);
    });

    it('refuses a move whose two sides are the same', async () => {
      for (const side of [GROCERIES, null]) {
        const circle = move({ fromCategoryId: side, toCategoryId: side });
        await checks.pushRejected('budget_moves', 'create', circle, TWO_SIDES);
        await checks.restRejected(
          { method: 'POST', path: '/budget_moves', body: circle },
          TWO_SIDES,
        );
      }
    });

    it('takes moves from and to To Budget (a null side)', async () => {
      const fromToBudget = move({ fromCategoryId: null });
      expect(await checks.applied('budget_moves', 'create', fromToBudget)).toMatchObject(
        fromToBudget,
      );
      const toToBudget = move({ toCategoryId: null });
      const rest = await checks.rest({ method: 'POST', path: '/budget_moves', body: toToBudget });
      expect(rest).toMatchObject({ status: 201, body: toToBudget });
    });
  });
});
