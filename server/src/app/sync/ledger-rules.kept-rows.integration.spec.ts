import { randomUUID } from 'node:crypto';
import { BUDGET_ID_NAMESPACE, budgetMonthId, payeeIdFor, settingsId } from '@finwise/domain';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { RuleChecks, type RowData } from '../../testing/rule-checks';

/**
 * The rows of FINANCE §1 that are never deleted, through both doors: the household's one
 * settings row and each month's budget row have fixed ids (any other id is refused, and a month
 * never changes); payees cannot be deleted (a tombstone would block the name forever).
 */
const SETTINGS_ID = `data.id must be the UUIDv5 of "settings" in namespace ${BUDGET_ID_NAMESPACE} (one settings row per household)`;
const MONTH_ID = `data.id must be the UUIDv5 of "month:<month>" in namespace ${BUDGET_ID_NAMESPACE}; month never change`;
const NOT_NEGATIVE = 'data.heldMinor must not be negative (release sets it to 0)';
const MERGED_INTO_ITSELF =
  'data.mergedIntoId must name another payee (a payee cannot be merged into itself)';
const cannotDelete = (modelName: string) => `operation ${modelName} cannot be deleted`;

describe.each(testDatabaseKinds())('rows that are kept on %s', (kind) => {
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

  describe('settings', () => {
    let stored: RowData;

    beforeAll(async () => {
      stored = await checks.applied('settings', 'create', {
        id: settingsId(),
        budgetCurrency: 'EUR',
      });
    });

    it('refuses any other id, over the socket and over REST', async () => {
      const other = { id: randomUUID(), budgetCurrency: 'USD' };
      await checks.pushRejected('settings', 'create', other, SETTINGS_ID);
      await checks.pushRejected('settings', 'update', other, SETTINGS_ID);
      await checks.restRejected({ method: 'POST', path: '/settings', body: other }, SETTINGS_ID);
      await checks.restRejected(
        { method: 'PATCH', path: `/settings/${other.id}`, body: { budgetCurrency: 'USD' } },
        SETTINGS_ID,
      );
    });

    it('is never deleted', async () => {
      await checks.pushRejected('settings', 'delete', { id: stored.id }, cannotDelete('settings'));
      await checks.restRejected(
        { method: 'DELETE', path: `/settings/${stored.id}` },
        cannotDelete('settings'),
      );
    });

    it('takes its fixed id over REST when none is given, and changes as usual', async () => {
      const posted = await checks.rest({
        method: 'POST',
        path: '/settings',
        body: { budgetCurrency: 'CHF', locale: 'de-CH' },
      });
      expect(posted).toMatchObject({
        status: 200,
        body: { id: settingsId(), budgetCurrency: 'CHF' },
      });
      const patched = await checks.rest({
        method: 'PATCH',
        path: `/settings/${settingsId()}`,
        body: { budgetCurrency: 'EUR' },
      });
      expect(patched).toMatchObject({
        status: 200,
        body: { budgetCurrency: 'EUR', locale: 'de-CH' },
      });
    });
  });

  describe('budget months', () => {
    const NOVEMBER = { id: budgetMonthId('2026-11'), month: '2026-11', heldMinor: 5000 };
    let stored: RowData;

    beforeAll(async () => {
      stored = await checks.applied('budget_months', 'create', NOVEMBER);
    });

    it('refuses an id that is not the one of its month', async () => {
      for (const id of [randomUUID(), budgetMonthId('2026-10')]) {
        const wrong = { ...NOVEMBER, id };
        await checks.pushRejected('budget_months', 'create', wrong, MONTH_ID);
        await checks.restRejected(
          { method: 'POST', path: '/budget_months', body: wrong },
          MONTH_ID,
        );
      }
    });

    it('refuses a change of month', async () => {
      const december = { month: '2026-12' };
      await checks.pushRejected(
        'budget_months',
        'update',
        { id: stored.id, ...december },
        MONTH_ID,
      );
      await checks.restRejected(
        { method: 'PATCH', path: `/budget_months/${stored.id}`, body: december },
        MONTH_ID,
      );
    });

    it('is never deleted: release sets what it holds to 0', async () => {
      const message = cannotDelete('budget_months');
      await checks.pushRejected('budget_months', 'delete', { id: stored.id }, message);
      await checks.restRejected({ method: 'DELETE', path: `/budget_months/${stored.id}` }, message);
      await checks.pushRejected(
        'budget_months',
        'update',
        { id: stored.id, heldMinor: -1 },
        NOT_NEGATIVE,
      );
      await checks.restRejected(
        { method: 'PATCH', path: `/budget_months/${stored.id}`, body: { heldMinor: -1 } },
        NOT_NEGATIVE,
      );
      expect(
        await checks.applied('budget_months', 'update', { id: stored.id, heldMinor: 0 }),
      ).toMatchObject({
        month: '2026-11',
        heldMinor: 0,
      });
    });

    it("takes its month's id over REST when none is given", async () => {
      const posted = await checks.rest({
        method: 'POST',
        path: '/budget_months',
        body: { month: '2027-01', heldMinor: 1200 },
      });
      expect(posted).toMatchObject({ status: 201, body: { id: budgetMonthId('2027-01') } });
    });
  });

  describe('payees', () => {
    let bakery: RowData;
    let oldTown: RowData;

    beforeAll(async () => {
      bakery = await checks.applied('payees', 'create', {
        id: payeeIdFor('Bakery'),
        name: 'Bakery',
      });
      oldTown = await checks.applied('payees', 'create', {
        id: payeeIdFor('Old Town Bakery'),
        name: 'Old Town Bakery',
      });
    });

    it('are never deleted', async () => {
      await checks.pushRejected('payees', 'delete', { id: oldTown.id }, cannotDelete('payees'));
      await checks.restRejected(
        { method: 'DELETE', path: `/payees/${oldTown.id}` },
        cannotDelete('payees'),
      );
    });

    it('are merged by one write of the merged payee, never into themselves', async () => {
      const intoItself = { mergedIntoId: oldTown.id };
      await checks.pushRejected(
        'payees',
        'update',
        { id: oldTown.id, ...intoItself },
        MERGED_INTO_ITSELF,
      );
      await checks.restRejected(
        { method: 'PATCH', path: `/payees/${oldTown.id}`, body: intoItself },
        MERGED_INTO_ITSELF,
      );
      const before = await checks.snapshot();
      const merged = await checks.applied('payees', 'update', {
        id: oldTown.id,
        mergedIntoId: bakery.id,
      });
      expect(merged).toMatchObject({ name: 'Old Town Bakery', mergedIntoId: bakery.id });
      const after = await checks.snapshot();
      expect(after.synced['payees'].maxServerSeq).toBe(before.synced['payees'].maxServerSeq + 1);
      expect(after.synced['transactions']).toEqual(before.synced['transactions']);
    });
  });

  it('has no PUT: REST changes rows with PATCH only', async () => {
    const response = await checks.unchanged(() =>
      checks.rest({
        method: 'PUT',
        path: `/settings/${settingsId()}`,
        body: { budgetCurrency: 'USD' },
      }),
    );
    expect(response.status).toBe(404);
  });
});
