import { randomUUID } from 'node:crypto';
// The app's bank-file import runs on the device: this drives it as the app does, over the
// real client engine.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { planImport, readStatement, type ImportContext } from '@finwise/import';
import type { AnySyncRow, SyncClient } from '../../src/lib/public-types';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import { deviceClient, restRows, type DeviceClient } from '../support/sync-harness';
import { waitFor } from '../support/wait';

const STATEMENT = [
  'Buchungstag;Auftraggeber / Begünstigter;Verwendungszweck;Betrag',
  '02.11.2026;Bäckerei Schmidt;Brötchen;-4,50',
  '02.11.2026;Bäckerei Schmidt;Brötchen;-4,50',
  '05.11.2026;Arbeitgeber GmbH;Gehalt;2.500,00',
  '20.11.2026;Stadtwerke;Strom;-1.234,56',
].join('\n');

/** What the app does with a picked file: read, compare with the local rows, write in one go. */
async function importOnDevice(client: SyncClient, accountId: string): Promise<number> {
  const rows = (modelName: string) => client.table<AnySyncRow>(modelName).all();
  const statement = readStatement(new TextEncoder().encode(STATEMENT), 'giro.csv', {}, 'EUR');
  const context = {
    accountId,
    currency: 'EUR',
    transactions: await rows('transactions'),
    payees: await rows('payees'),
    categories: await rows('categories'),
    accounts: await rows('accounts'),
  } as unknown as ImportContext;
  const plan = planImport(statement, context);
  for (const seed of plan.payeeSeeds) {
    await client.table('payees').createIfAbsent({ ...seed, favorite: false });
  }
  await client.writeAll(plan.mutations);
  return plan.created;
}

/**
 * FINANCE §5: imported rows take ids from the account and the bank row (a synthetic one for
 * files without bank ids), so two devices importing the same file offline write the same rows
 * and converge on one copy, not two; real same-day twins stay two rows.
 */
describe('two offline devices importing the same bank file (PostgreSQL)', () => {
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

  it('ends with one copy of every row on the server and on both devices', async () => {
    const accountId = randomUUID();
    await a.client.table('accounts').create({
      id: accountId,
      name: 'Girokonto',
      type: 'checking',
      currency: 'EUR',
      onBudget: true,
      closed: false,
      sortOrder: 0,
    });
    await a.client.flush();
    await waitFor(
      async () => (await b.client.table('accounts').get(accountId)) !== undefined,
      15_000,
      'B to receive the account',
    );

    a.client.disconnect();
    b.client.disconnect();
    await waitFor(
      () => !a.client.status().online && !b.client.status().online,
      5000,
      'both devices to go offline',
    );
    expect(await importOnDevice(a.client, accountId)).toBe(4);
    expect(await importOnDevice(b.client, accountId)).toBe(4);

    a.client.connect();
    b.client.connect();
    await Promise.all([a.client.flush(60_000), b.client.flush(60_000)]);
    for (const { client } of [a, b]) {
      expect(client.status()).toMatchObject({ online: true, pendingCount: 0, rejections: [] });
    }

    const onServer = await restRows(server, session.accessToken, 'transactions');
    expect(onServer).toHaveLength(4);
    expect(onServer.filter((row) => row['amountMinor'] === -450)).toHaveLength(2);
    const payees = await restRows(server, session.accessToken, 'payees');
    expect(payees.map((payee) => payee['name']).sort()).toEqual([
      'Arbeitgeber GmbH',
      'Bäckerei Schmidt',
      'Stadtwerke',
    ]);
    const ids = onServer.map((row) => row['id']).sort();
    for (const { client } of [a, b]) {
      await waitFor(
        async () => (await client.table('transactions').all()).length === 4,
        15_000,
        'each device to hold the four rows',
      );
      const local = await client.table<AnySyncRow>('transactions').all();
      expect(local.map((row) => row.id).sort()).toEqual(ids);
    }

    // Importing the file again on either device adds nothing.
    expect(await importOnDevice(b.client, accountId)).toBe(0);
  });
});
