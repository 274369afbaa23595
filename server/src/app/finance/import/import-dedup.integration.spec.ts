import { randomUUID } from 'node:crypto';
import type { PushAck } from '@finwise/sync-protocol';
import { openSnapshotter, type Snapshotter } from '../../../testing/database-snapshot';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';

interface Household {
  session: TestSession;
  client: TestSyncClient;
  checking: string;
  savings: string;
}

interface Answer {
  status: number;
  body: any;
}

const STATEMENT = {
  name: 'checking.csv',
  content: 'date,amount,payee\n2026-11-20,-1234.56,Stadtwerke\n2026-11-21,-9.99,Kiosk\n',
};

/** Research D5/D7 through the endpoints: deleted matches, split legs and the escape hatches. */
describe.each(testDatabaseKinds())('bank-file import dedup on %s', (kind) => {
  let server: TestServer;
  let snapshots: Snapshotter;
  const open: TestSyncClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    snapshots = await openSnapshotter(server);
  });

  afterAll(async () => {
    for (const client of open) client.disconnect();
    await snapshots?.close();
    await server?.stop();
  });

  async function write(
    client: TestSyncClient,
    operation: 'create' | 'delete',
    data: Record<string, unknown>,
  ) {
    const id = (data['id'] as string | undefined) ?? randomUUID();
    const ack = (await client.push([
      client.mutation('transactions', operation, { ...data, id }),
    ])) as PushAck;
    expect(ack.results[0].status).toBe('applied');
    return id;
  }

  async function household(): Promise<Household> {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    open.push(client);
    const account = async (name: string) => {
      const id = randomUUID();
      const ack = (await client.push([
        client.mutation('accounts', 'create', {
          id,
          name,
          type: 'checking',
          currency: 'EUR',
          onBudget: true,
          closed: false,
          sortOrder: 0,
        }),
      ])) as PushAck;
      expect(ack.results[0].status).toBe('applied');
      return id;
    };
    return {
      session,
      client,
      checking: await account('Checking'),
      savings: await account('Savings'),
    };
  }

  async function upload(
    h: Household,
    path: 'import' | 'import/preview',
    options?: unknown,
    file: { name: string; content: string } = STATEMENT,
  ): Promise<Answer> {
    const form = new FormData();
    form.append('file', new Blob([file.content]), file.name);
    if (options !== undefined) form.append('options', JSON.stringify(options));
    const response = await fetch(`${server.url}/api/accounts/${h.checking}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.session.accessToken}` },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const typedBill = (h: Household) =>
    write(h.client, 'create', {
      accountId: h.checking,
      date: '2026-11-18',
      amountMinor: -123_456,
      notes: 'electricity',
      cleared: false,
      reconciled: false,
    });

  it('does not bring back a line whose matched manual row the user deleted, unless asked', async () => {
    const h = await household();
    const typed = await typedBill(h);
    const first = await upload(h, 'import');
    expect(first.body).toMatchObject({ created: 1, updated: 1 });
    await write(h.client, 'delete', { id: typed });

    const preview = await upload(h, 'import/preview');
    expect(preview.status).toBe(200);
    expect(preview.body.rows[0]).toMatchObject({ status: 'duplicate', deleted: true });
    const before = await snapshots.take();
    const again = await upload(h, 'import');
    expect(again.body).toMatchObject({ created: 0, updated: 0, duplicate: 2 });
    expect(await snapshots.take()).toEqual(before);

    // Re-import deleted: a new row with a fresh id (the tombstone stays a tombstone).
    const reimported = await upload(h, 'import', { reimportDeleted: true });
    expect(reimported.body).toMatchObject({ created: 1, duplicate: 1 });
    const [id] = reimported.body.ids as string[];
    expect(id).not.toBe(typed);
    await h.client.catchUp();
    expect(h.client.row('transactions', id)).toMatchObject({
      accountId: h.checking,
      amountMinor: -123_456,
      importedPayee: 'Stadtwerke',
    });
    expect(h.client.row('transactions', typed)).toMatchObject({
      deletedAt: expect.any(String),
      amountMinor: null,
    });
    const last = await upload(h, 'import', { reimportDeleted: true });
    expect(last.body).toMatchObject({ created: 0, duplicate: 2 });
  });

  it('claims a transfer leg booked on a split line of another account', async () => {
    const h = await household();
    const parent = await write(h.client, 'create', {
      accountId: h.savings,
      date: '2026-11-19',
      amountMinor: 200_000,
      cleared: true,
      reconciled: false,
    });
    const leg = await write(h.client, 'create', {
      accountId: h.savings,
      date: '2026-11-19',
      amountMinor: 123_456,
      parentId: parent,
      transferAccountId: h.checking,
      cleared: true,
      reconciled: false,
    });
    const response = await upload(h, 'import');
    expect(response.body).toMatchObject({ created: 1, updated: 1, ids: [leg, expect.any(String)] });
    await h.client.catchUp();
    expect(h.client.row('transactions', leg)).toMatchObject({
      transferImportedId: expect.stringMatching(/^syn:/),
      transferCleared: true,
    });
    expect((await upload(h, 'import')).body).toMatchObject({ created: 0, duplicate: 2 });
  });

  it('adds lines as new without fuzzy matching, or a forced line, and leaves the typed row alone', async () => {
    const h = await household();
    const typed = await typedBill(h);
    const unmatched = await upload(h, 'import/preview', { fuzzyMatch: false });
    expect(unmatched.body.summary).toMatchObject({ new: 2, match: 0 });

    const forced = await upload(h, 'import', { forceNewLines: [2] });
    expect(forced.body).toMatchObject({ created: 2, updated: 0 });
    await h.client.catchUp();
    expect(h.client.row('transactions', typed)).toMatchObject({ importedId: null, cleared: false });
  });

  it('warns about an OFX amount read without its currency sign', async () => {
    const h = await household();
    const ofx = [
      'OFXHEADER:100',
      'DATA:OFXSGML',
      '',
      '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKTRANLIST>',
      '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261120<TRNAMT>€-12.50<FITID>F-1<NAME>Shop</STMTTRN>',
      '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    ].join('\n');
    const preview = await upload(h, 'import/preview', undefined, {
      name: 'bank.ofx',
      content: ofx,
    });
    expect(preview.body.rows[0]).toMatchObject({
      status: 'new',
      amountMinor: -1250,
      warning: expect.stringContaining('read without "€"'),
    });
  });
});
