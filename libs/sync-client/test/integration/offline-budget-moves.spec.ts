import { randomUUID } from 'node:crypto';
import { budgetId } from '@finwise/domain';
import type { AnySyncRow, SyncClient } from '../../src/lib/public-types';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import {
  deviceClient,
  localState,
  restRows,
  serverState,
  type DeviceClient,
} from '../support/sync-harness';
import { waitFor } from '../support/wait';

/**
 * FINANCE §1: concurrent moves never lose money. Two devices of one household, both offline,
 * each move money out of the same category; a move is a row of its own (never two overwritten
 * budget cells), so once both reconnect every device and the server hold both moves and the
 * category gave up both amounts.
 */
describe('two offline devices moving money out of one category (PostgreSQL)', () => {
  const MONTH = '2026-11';
  const groceries = randomUUID();
  const rent = randomUUID();
  const holidays = randomUUID();
  let server: ServerProcess;
  let session: Session;
  let a: DeviceClient;
  let b: DeviceClient;

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
    session = await server.signup();
    a = deviceClient(server, session.tenant.id, session);
    b = deviceClient(server, session.tenant.id, await server.login(session.user.email));
    await Promise.all([a.client.start(), b.client.start()]);
  });
  afterAll(async () => {
    await a?.client.stop();
    await b?.client.stop();
    await server?.dispose();
  });

  /**
   * FINANCE §3: budgeted(c, M) = the typed cell + moves into c in M − moves out of c in M,
   * over the live rows a device holds.
   */
  async function budgeted(client: SyncClient, categoryId: string): Promise<number> {
    const cells = await client.table<AnySyncRow>('budgets').all();
    const moves = await client.table<AnySyncRow>('budget_moves').all();
    const typed = cells
      .filter((cell) => cell['categoryId'] === categoryId && cell['month'] === MONTH)
      .reduce((sum, cell) => sum + Number(cell['budgetedMinor']), 0);
    return moves
      .filter((move) => move['month'] === MONTH)
      .reduce((sum, move) => {
        const amount = Number(move['amountMinor']);
        if (move['toCategoryId'] === categoryId) return sum + amount;
        if (move['fromCategoryId'] === categoryId) return sum - amount;
        return sum;
      }, typed);
  }

  const budgetedOf = async (client: SyncClient) => ({
    groceries: await budgeted(client, groceries),
    rent: await budgeted(client, rent),
    holidays: await budgeted(client, holidays),
  });

  /** A move as the app writes it (`moveMoney` of @finwise/finance): a new insert-only row. */
  const move = (fromCategoryId: string, toCategoryId: string, amountMinor: number) => ({
    id: randomUUID(),
    month: MONTH,
    fromCategoryId,
    toCategoryId,
    amountMinor,
  });

  it('keeps both moves on both devices and the server, and the category gives up both amounts', async () => {
    // Shared history: three categories and 400.00 budgeted for groceries, synced to both.
    for (const [id, name] of [
      [groceries, 'Groceries'],
      [rent, 'Rent'],
      [holidays, 'Holidays'],
    ]) {
      await a.client.table('categories').create({
        id,
        name,
        groupName: 'Monthly',
        isIncome: false,
        hidden: false,
        sortOrder: 1,
      });
    }
    await a.client.table('budgets').create({
      id: budgetId(groceries, MONTH),
      categoryId: groceries,
      month: MONTH,
      budgetedMinor: 40_000,
    });
    await a.client.flush();
    await waitFor(
      async () => (await budgeted(b.client, groceries)) === 40_000,
      15_000,
      'B to receive the budget',
    );

    a.client.disconnect();
    b.client.disconnect();
    await waitFor(
      () => !a.client.status().online && !b.client.status().online,
      5000,
      'both devices to go offline',
    );

    // Offline, each device moves money out of groceries, seeing only its own move.
    const toRent = move(groceries, rent, 15_000);
    const toHolidays = move(groceries, holidays, 10_000);
    await a.client.table('budget_moves').create(toRent);
    await b.client.table('budget_moves').create(toHolidays);
    expect(await budgetedOf(a.client)).toEqual({ groceries: 25_000, rent: 15_000, holidays: 0 });
    expect(await budgetedOf(b.client)).toEqual({ groceries: 30_000, rent: 0, holidays: 10_000 });

    a.client.connect();
    b.client.connect();
    await Promise.all([a.client.flush(60_000), b.client.flush(60_000)]);
    for (const { client } of [a, b]) {
      expect(client.status()).toMatchObject({ online: true, pendingCount: 0, rejections: [] });
    }

    // The server holds both moves…
    const onServer = await restRows(server, session.accessToken, 'budget_moves');
    expect(onServer.map(({ id }) => id).sort()).toEqual([toRent.id, toHolidays.id].sort());
    expect(onServer).toEqual(
      expect.arrayContaining([
        expect.objectContaining(toRent),
        expect.objectContaining(toHolidays),
      ]),
    );

    // …and so does each device, row for row, with groceries down by both amounts and no money
    // made or lost: the three categories still hold the 400.00 budgeted.
    const both = { groceries: 15_000, rent: 15_000, holidays: 10_000 };
    for (const device of [a, b]) {
      await waitFor(
        async () => (await device.client.table('budget_moves').all()).length === 2,
        15_000,
        'each device to hold both moves',
      );
      expect(await budgetedOf(device.client)).toEqual(both);
    }
    const everything = await serverState(server, session.accessToken);
    for (const device of [a, b]) {
      const local = await localState(device.device, session.tenant.id);
      for (const id of [toRent.id, toHolidays.id]) {
        const key = `budget_moves/${id}`;
        expect(local.get(key)).toEqual(everything.get(key));
      }
    }
  });
});
