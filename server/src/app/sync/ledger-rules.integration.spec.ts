import { randomUUID } from 'node:crypto';
import { payeeIdFor } from '@finwise/domain';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { RuleChecks, type RowData } from '../../testing/rule-checks';

/**
 * The ledger rules of FINANCE §2 that the server enforces on transactions, through both doors
 * (socket push and REST), each checked on the row as it would be after the merge. A refused
 * write names its rule and changes nothing; what the contract accepts and ignores is applied.
 * The other entities' rules: ledger-rules.insert-only and ledger-rules.kept-rows.
 */
const SAME_ACCOUNT =
  'data.transferAccountId must differ from accountId (a transfer to the same account)';
const ONLY_ON_TRANSFER = {
  transferAmountMinor:
    'data.transferAmountMinor may only be set on a transfer (a row with transferAccountId): the amount the other account books',
  transferCleared:
    'data.transferCleared may only be set on a transfer (a row with transferAccountId): whether the other side is cleared',
  transferReconciled:
    'data.transferReconciled may only be set on a transfer (a row with transferAccountId): whether the other side is reconciled',
  transferImportedId:
    "data.transferImportedId may only be set on a transfer (a row with transferAccountId): the other side's bank id",
} as const;
const OWN_PARENT =
  'data.parentId must name another transaction (a row cannot be its own split parent)';
const NESTED_SPLIT =
  'data.parentId must name a transaction that is no split line itself (no nested splits)';
const INTO_PARENT_ACCOUNT =
  "data.transferAccountId must differ from the split parent's account (a split line cannot transfer into it)";

const CHECKING = randomUUID();
const SAVINGS = randomUUID();
const GROCERIES = randomUUID();

/** A plain row of the checking account: no transfer, no split. */
function transaction(fields: Record<string, unknown> = {}): RowData {
  return {
    id: randomUUID(),
    accountId: CHECKING,
    date: '2026-11-02',
    amountMinor: -4200,
    cleared: false,
    reconciled: false,
    ...fields,
  };
}

describe.each(testDatabaseKinds())('ledger rules of transactions on %s', (kind) => {
  let server: TestServer;
  let checks: RuleChecks;
  /** A plain row, a transfer, a split parent with one line: stored once, before the tests. */
  let plain: RowData;
  let transfer: RowData;
  let parent: RowData;
  let line: RowData;

  beforeAll(async () => {
    server = await startTestServer(kind);
    checks = await RuleChecks.open(server);
    plain = await checks.applied('transactions', 'create', transaction());
    transfer = await checks.applied(
      'transactions',
      'create',
      transaction({ transferAccountId: SAVINGS, transferCleared: true }),
    );
    parent = await checks.applied('transactions', 'create', transaction({ amountMinor: -9000 }));
    line = await checks.applied(
      'transactions',
      'create',
      transaction({ parentId: parent['id'], amountMinor: -5000, categoryId: GROCERIES }),
    );
  });
  afterAll(async () => {
    await checks?.close();
    await server?.stop();
  });

  const path = (row: RowData) => `/transactions/${row.id}`;

  describe('a transfer to its own account', () => {
    it('is refused as a create, over the socket and over REST', async () => {
      const row = transaction({ transferAccountId: CHECKING });
      await checks.pushRejected('transactions', 'create', row, SAME_ACCOUNT);
      await checks.restRejected({ method: 'POST', path: '/transactions', body: row }, SAME_ACCOUNT);
    });

    it('is refused when an update makes it one, from either field', async () => {
      const toSelf = { transferAccountId: CHECKING };
      await checks.pushRejected(
        'transactions',
        'update',
        { id: plain['id'], ...toSelf },
        SAME_ACCOUNT,
      );
      await checks.restRejected({ method: 'PATCH', path: path(plain), body: toSelf }, SAME_ACCOUNT);
      // The transfer's other account becomes its own: only the merged row shows it.
      const moved = { accountId: SAVINGS };
      await checks.pushRejected(
        'transactions',
        'update',
        { id: transfer['id'], ...moved },
        SAME_ACCOUNT,
      );
      await checks.restRejected(
        { method: 'PATCH', path: path(transfer), body: moved },
        SAME_ACCOUNT,
      );
    });
  });

  describe('transfer-side fields on a row that is no transfer', () => {
    it.each([
      ['transferCleared', true],
      ['transferReconciled', true],
      ['transferAmountMinor', 1234],
      ['transferImportedId', 'BANK-42'],
    ] as const)('%s = %p is refused', async (field, value) => {
      const message = ONLY_ON_TRANSFER[field];
      await checks.pushRejected('transactions', 'create', transaction({ [field]: value }), message);
      await checks.pushRejected(
        'transactions',
        'update',
        { id: plain['id'], [field]: value },
        message,
      );
      await checks.restRejected(
        { method: 'POST', path: '/transactions', body: transaction({ [field]: value }) },
        message,
      );
      await checks.restRejected(
        { method: 'PATCH', path: path(plain), body: { [field]: value } },
        message,
      );
    });

    it('is refused when an update removes the transfer account but leaves a side set', async () => {
      const undoTransfer = { transferAccountId: null };
      const message = ONLY_ON_TRANSFER.transferCleared;
      await checks.pushRejected(
        'transactions',
        'update',
        { id: transfer['id'], ...undoTransfer },
        message,
      );
      await checks.restRejected(
        { method: 'PATCH', path: path(transfer), body: undoTransfer },
        message,
      );
    });

    it('false and null always pass, and a transfer may set every side', async () => {
      const empty = {
        transferCleared: false,
        transferReconciled: false,
        transferAmountMinor: null,
        transferImportedId: null,
      };
      expect(await checks.applied('transactions', 'create', transaction(empty))).toMatchObject(
        empty,
      );
      expect(
        await checks.applied('transactions', 'update', { id: plain['id'], ...empty }),
      ).toMatchObject(empty);
      const rest = await checks.rest({
        method: 'POST',
        path: '/transactions',
        body: transaction(empty),
      });
      expect(rest).toMatchObject({ status: 201, body: empty });
      const sides = {
        transferAmountMinor: 4500,
        transferCleared: true,
        transferReconciled: true,
        transferImportedId: 'BANK-7',
      };
      expect(
        await checks.applied('transactions', 'update', { id: transfer['id'], ...sides }),
      ).toMatchObject(sides);
    });
  });

  describe('splits', () => {
    it('a row that is its own parent is refused', async () => {
      const own = transaction();
      own['parentId'] = own.id;
      await checks.pushRejected('transactions', 'create', own, OWN_PARENT);
      await checks.restRejected({ method: 'POST', path: '/transactions', body: own }, OWN_PARENT);
      const selfParent = { parentId: plain['id'] };
      await checks.pushRejected(
        'transactions',
        'update',
        { id: plain['id'], ...selfParent },
        OWN_PARENT,
      );
      await checks.restRejected(
        { method: 'PATCH', path: path(plain), body: selfParent },
        OWN_PARENT,
      );
    });

    it('a line of a line (a nested split) is refused', async () => {
      const nested = transaction({ parentId: line['id'] });
      await checks.pushRejected('transactions', 'create', nested, NESTED_SPLIT);
      await checks.restRejected(
        { method: 'POST', path: '/transactions', body: nested },
        NESTED_SPLIT,
      );
      const under = { parentId: line['id'] };
      await checks.pushRejected(
        'transactions',
        'update',
        { id: plain['id'], ...under },
        NESTED_SPLIT,
      );
      await checks.restRejected({ method: 'PATCH', path: path(plain), body: under }, NESTED_SPLIT);
    });

    it("a line transferring into its parent's account is refused, whatever its own account says", async () => {
      // The line's own accountId is ignored (it is its parent's), so only the parent shows the rule.
      const intoParent = transaction({
        parentId: parent['id'],
        accountId: SAVINGS,
        transferAccountId: CHECKING,
      });
      await checks.pushRejected('transactions', 'create', intoParent, INTO_PARENT_ACCOUNT);
      await checks.restRejected(
        { method: 'POST', path: '/transactions', body: intoParent },
        INTO_PARENT_ACCOUNT,
      );
      const update = { transferAccountId: CHECKING, accountId: SAVINGS };
      await checks.pushRejected(
        'transactions',
        'update',
        { id: line['id'], ...update },
        INTO_PARENT_ACCOUNT,
      );
      await checks.restRejected(
        { method: 'PATCH', path: path(line), body: update },
        INTO_PARENT_ACCOUNT,
      );
    });

    it('reads the parent from the same batch', async () => {
      const newParent = transaction({ amountMinor: -300 });
      const newLine = transaction({
        parentId: newParent.id,
        accountId: SAVINGS,
        transferAccountId: CHECKING,
      });
      const response = await checks.client.push([
        checks.client.mutation('transactions', 'create', newParent),
        checks.client.mutation('transactions', 'create', newLine),
      ]);
      expect('results' in response && response.results.map((r) => r.status)).toEqual([
        'applied',
        'rejected',
      ]);
      expect('results' in response && response.results[1].error).toEqual({
        code: 'validation',
        message: INTO_PARENT_ACCOUNT,
      });
    });

    it('a line whose parent is unknown passes (it is dead until the parent arrives)', async () => {
      const orphan = transaction({ parentId: randomUUID(), transferAccountId: SAVINGS });
      expect(await checks.applied('transactions', 'create', orphan)).toMatchObject(orphan);
      const underUnknown = transaction({
        parentId: randomUUID(),
        transferAccountId: CHECKING,
        accountId: SAVINGS,
      });
      const rest = await checks.rest({ method: 'POST', path: '/transactions', body: underUnknown });
      expect(rest).toMatchObject({ status: 201, body: { parentId: underUnknown['parentId'] } });
    });

    it('a line transferring to another account than its parent passes', async () => {
      const update = { transferAccountId: SAVINGS, transferCleared: true };
      expect(
        await checks.applied('transactions', 'update', { id: line['id'], ...update }),
      ).toMatchObject(update);
    });
  });

  describe('accepted and ignored, never refused', () => {
    it('a category on a split parent', async () => {
      const categorised = { categoryId: GROCERIES };
      expect(
        await checks.applied('transactions', 'update', { id: parent['id'], ...categorised }),
      ).toMatchObject(categorised);
      const other = { categoryId: randomUUID() };
      const rest = await checks.rest({ method: 'PATCH', path: path(parent), body: other });
      expect(rest).toMatchObject({ status: 200, body: other });
    });

    it('a category on a transfer between two accounts', async () => {
      const categorised = { categoryId: GROCERIES };
      expect(
        await checks.applied('transactions', 'update', { id: transfer['id'], ...categorised }),
      ).toMatchObject(categorised);
    });

    it('a payee that is merged away, returned as stored', async () => {
      const kept = await checks.applied('payees', 'create', {
        id: payeeIdFor('Bakery'),
        name: 'Bakery',
      });
      const merged = await checks.applied('payees', 'create', {
        id: payeeIdFor('Bakery Old Town'),
        name: 'Bakery Old Town',
        mergedIntoId: kept['id'],
      });
      const row = transaction({ payeeId: merged['id'] });
      expect(await checks.applied('transactions', 'create', row)).toMatchObject({
        payeeId: merged['id'],
      });
    });
  });
});
