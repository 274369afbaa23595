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

/** A German giro export: `;`, DD.MM.YYYY, 1.234,56 and account lines before the header. */
const GIRO = [
  'Kontonummer:;DE12 3456 7890 1234 5678 90;',
  'Zeitraum:;01.11.2026 - 30.11.2026;',
  'Kontostand vom 30.11.2026:;1.234,56 EUR;',
  '',
  'Buchungstag;Wertstellung;Auftraggeber / Begünstigter;Verwendungszweck;Betrag (EUR)',
  '02.11.2026;02.11.2026;Bäckerei Schmidt;Brötchen;-4,50',
  '05.11.2026;05.11.2026;Arbeitgeber GmbH;Gehalt November;2.500,00',
  '05.11.2026;05.11.2026;Bäckerei Schmidt;Brötchen;-4,50',
  '20.11.2026;20.11.2026;Stadtwerke;Abschlag Strom;-1.234,56',
].join('\r\n');

describe.each(testDatabaseKinds())('bank-file import endpoints on %s', (kind) => {
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

  async function push(client: TestSyncClient, modelName: string, data: Record<string, unknown>) {
    const id = (data['id'] as string | undefined) ?? randomUUID();
    const ack = (await client.push([
      client.mutation(modelName, 'create', { ...data, id }),
    ])) as PushAck;
    expect(ack.results[0].status).toBe('applied');
    return id;
  }

  async function household(): Promise<Household> {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    open.push(client);
    const account = (name: string) =>
      push(client, 'accounts', {
        name,
        type: 'checking',
        currency: 'EUR',
        onBudget: true,
        closed: false,
        sortOrder: 0,
      });
    return {
      session,
      client,
      checking: await account('Checking'),
      savings: await account('Savings'),
    };
  }

  async function upload(
    h: Household,
    accountId: string,
    path: 'import' | 'import/preview',
    file: { name: string; content: string | Uint8Array<ArrayBuffer> },
    options?: unknown,
  ): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('file', new Blob([file.content]), file.name);
    if (options !== undefined) form.append('options', JSON.stringify(options));
    const response = await fetch(`${server.url}/api/accounts/${accountId}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.session.accessToken}` },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const giro = { name: 'umsaetze.csv', content: GIRO };

  it('previews a German giro export without options and writes nothing', async () => {
    const h = await household();
    const before = await snapshots.take();

    const response = await upload(h, h.checking, 'import/preview', giro);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ format: 'csv', summary: { new: 4, error: 0 } });
    expect(
      response.body.rows.map((r: any) => [r.line, r.status, r.date, r.amountMinor, r.payee]),
    ).toEqual([
      [6, 'new', '2026-11-02', -450, 'Bäckerei Schmidt'],
      [7, 'new', '2026-11-05', 250_000, 'Arbeitgeber GmbH'],
      [8, 'new', '2026-11-05', -450, 'Bäckerei Schmidt'],
      [9, 'new', '2026-11-20', -123_456, 'Stadtwerke'],
    ]);
    expect(await snapshots.take()).toEqual(before);
  });

  it('imports in one batch that other devices receive, and a second import adds nothing', async () => {
    const h = await household();
    const other = await TestSyncClient.connected(server.url, h.session.accessToken);
    open.push(other);
    await other.catchUp();

    const first = await upload(h, h.checking, 'import', giro);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 4, updated: 0, duplicate: 0, error: 0 });
    expect(first.body.ids).toHaveLength(4);
    for (const id of first.body.ids as string[]) {
      await other.waitFor(() => other.row('transactions', id) !== undefined, 5000, `row ${id}`);
    }
    const rows = (first.body.ids as string[]).map((id) => other.row('transactions', id)!);
    // Two real same-day purchases stay two rows, with different synthetic ids.
    const bakery = rows.filter((r) => r['amountMinor'] === -450);
    expect(bakery).toHaveLength(2);
    expect(new Set(bakery.map((r) => r['importedId'])).size).toBe(2);
    expect(rows.every((r) => r['accountId'] === h.checking && r['cleared'] === true)).toBe(true);
    const before = await snapshots.take();

    const again = await upload(h, h.checking, 'import', giro);

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, duplicate: 4 });
    expect(await snapshots.take()).toEqual(before);
  });

  it('writes a file of more rows than one statement holds: each row once, in the feed', async () => {
    const h = await household();
    const day = (i: number) => `${String((i % 28) + 1).padStart(2, '0')}.10.2026`;
    const lines = Array.from(
      { length: 2_345 },
      (_, i) =>
        `${day(i)};${day(i)};Laden ${i};Einkauf ${i};-${i + 1},${String(i % 100).padStart(2, '0')}`,
    );
    const file = {
      name: 'oktober.csv',
      content: [
        'Buchungstag;Wertstellung;Auftraggeber / Begünstigter;Verwendungszweck;Betrag (EUR)',
        ...lines,
      ].join('\r\n'),
    };

    const response = await upload(h, h.checking, 'import', file);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: 2_345, error: 0 });
    const reader = await TestSyncClient.connected(server.url, h.session.accessToken);
    open.push(reader);
    const imported = (await reader.catchUp(1_000))
      .flatMap((page) => page.changes)
      .filter((change) => change.modelName === 'transactions');
    expect(imported).toHaveLength(2_345);
    expect(new Set(imported.map((change) => change.record.id))).toEqual(new Set(response.body.ids));
    expect(reader.row('transactions', response.body.ids[2_344])).toMatchObject({
      amountMinor: -234_544,
      accountId: h.checking,
    });
  });

  it('does not bring back an imported row the user deleted', async () => {
    const h = await household();
    const first = await upload(h, h.checking, 'import', giro);
    const deleted = (first.body.ids as string[])[0];
    const ack = (await h.client.push([
      h.client.mutation('transactions', 'delete', { id: deleted }),
    ])) as PushAck;
    expect(ack.results[0].status).toBe('applied');

    const preview = await upload(h, h.checking, 'import/preview', giro);

    expect(preview.body.summary).toMatchObject({ new: 0, duplicate: 4 });
    const again = await upload(h, h.checking, 'import', giro);
    expect(again.body).toMatchObject({ created: 0 });
  });

  it('matches a row typed by hand instead of adding it twice', async () => {
    const h = await household();
    const typed = await push(h.client, 'transactions', {
      accountId: h.checking,
      date: '2026-11-18',
      amountMinor: -123_456,
      notes: 'electricity',
      cleared: false,
      reconciled: false,
    });

    const response = await upload(h, h.checking, 'import', giro);

    expect(response.body).toMatchObject({ created: 3, updated: 1 });
    await h.client.catchUp();
    expect(h.client.row('transactions', typed)).toMatchObject({
      date: '2026-11-18',
      notes: 'electricity',
      cleared: true,
      importedPayee: 'Stadtwerke',
    });
  });

  it('reads the rows near the statement and the ones it landed on before, wherever they are now', async () => {
    const h = await household();
    const typed = (date: string, amountMinor: number) =>
      push(h.client, 'transactions', {
        accountId: h.checking,
        date,
        amountMinor,
        cleared: false,
        reconciled: false,
      });
    // Seven days before the first line is still a match; eight days after the last is not.
    const edge = await typed('2026-10-26', -450);
    await typed('2026-11-28', -123_456);
    const transfer = await push(h.client, 'transactions', {
      accountId: h.savings,
      transferAccountId: h.checking,
      date: '2026-11-05',
      amountMinor: -250_000,
      cleared: false,
      reconciled: false,
    });

    const first = await upload(h, h.checking, 'import', giro);

    expect(first.body).toMatchObject({ created: 2, updated: 2 });
    await h.client.catchUp();
    expect(h.client.row('transactions', edge)).toMatchObject({ cleared: true });
    expect(h.client.row('transactions', transfer)).toMatchObject({ transferCleared: true });
    // Rows matched by this import, moved far away since, still make their lines duplicates.
    const moved = (await h.client.push([
      h.client.mutation('transactions', 'update', { id: edge, date: '2025-01-01' }),
      h.client.mutation('transactions', 'update', { id: transfer, date: '2027-06-30' }),
    ])) as PushAck;
    expect(moved.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const before = await snapshots.take();

    const again = await upload(h, h.checking, 'import', giro);

    expect(again.body).toMatchObject({ created: 0, updated: 0, duplicate: 4 });
    expect(await snapshots.take()).toEqual(before);
  });

  it('refuses a file with an unreadable row unless that line is left out', async () => {
    const h = await household();
    const broken = { name: 'broken.csv', content: GIRO.replace('-4,50\r\n05', 'vier Euro\r\n05') };
    const before = await snapshots.take();

    const refused = await upload(h, h.checking, 'import', broken);

    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/line 6/);
    expect(refused.body.details).toMatchObject({ code: 'validation', lines: [6] });
    expect(await snapshots.take()).toEqual(before);

    const accepted = await upload(h, h.checking, 'import', broken, { excludeLines: [6] });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ created: 3, error: 1 });
  });

  it('answers bad requests with a clear status and writes nothing', async () => {
    const h = await household();
    const stranger = await household();
    const before = await snapshots.take();

    const cases: [string, () => Promise<{ status: number; body: any }>, number, RegExp][] = [
      ['unknown account', () => upload(h, randomUUID(), 'import', giro), 404, /not found/],
      [
        "another household's account",
        () => upload(h, stranger.checking, 'import', giro),
        404,
        /not found/,
      ],
      ['not an id', () => upload(h, 'nope', 'import', giro), 404, /not found/],
      [
        'options that are not JSON',
        async () => {
          const form = new FormData();
          form.append('file', new Blob([GIRO]), 'a.csv');
          form.append('options', '{nope');
          const r = await fetch(`${server.url}/api/accounts/${h.checking}/import`, {
            method: 'POST',
            headers: { authorization: `Bearer ${h.session.accessToken}` },
            body: form,
          });
          return { status: r.status, body: await r.json() };
        },
        400,
        /JSON/,
      ],
      [
        'an unknown option',
        () => upload(h, h.checking, 'import', giro, { colour: 'red' }),
        400,
        /colour/,
      ],
      [
        'binary garbage',
        () =>
          upload(h, h.checking, 'import', {
            name: 'x.csv',
            content: new Uint8Array(4096).map((_, i) => (i * 7) % 32),
          }),
        400,
        /./,
      ],
      [
        'an unknown format',
        () => upload(h, h.checking, 'import', { name: 'x.pdf', content: '%PDF-1.7' }),
        400,
        /./,
      ],
      [
        'a truncated OFX',
        () =>
          upload(h, h.checking, 'import', {
            name: 'cut.ofx',
            content:
              'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>' +
              '<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261102<TRNAMT>-4.50',
          }),
        400,
        /line/i,
      ],
      [
        'more decimals than the currency has',
        () =>
          upload(h, h.checking, 'import', {
            name: 'x.csv',
            content: 'date,amount,payee\n2026-11-02,-4.505,Shop\n',
          }),
        400,
        /line 2/,
      ],
      [
        'a CSV without an amount column',
        () =>
          upload(h, h.checking, 'import', {
            name: 'x.csv',
            content: 'date,payee\n2026-11-02,Shop\n',
          }),
        400,
        /amount/,
      ],
    ];
    for (const [what, send, status, message] of cases) {
      const response = await send();
      expect({ what, status: response.status }).toEqual({ what, status });
      expect({ what, message: String(response.body?.message) }).toEqual({
        what,
        message: expect.stringMatching(message),
      });
    }

    const missing = await fetch(`${server.url}/api/accounts/${h.checking}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.session.accessToken}` },
      body: new FormData(),
    });
    expect(missing.status).toBe(400);
    expect(await snapshots.take()).toEqual(before);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const h = await household();
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);

    const response = await upload(h, h.checking, 'import', { name: 'big.csv', content: big });

    expect(response.status).toBe(413);
  });

  it('claims the far side of an existing transfer instead of importing it twice', async () => {
    const h = await household();
    const transfer = await push(h.client, 'transactions', {
      accountId: h.savings,
      transferAccountId: h.checking,
      date: '2026-11-03',
      amountMinor: 50_000,
      cleared: true,
      reconciled: false,
    });
    const statement = 'date,amount,payee,id\n2026-11-04,-500.00,To savings,BANK-1\n';

    const response = await upload(h, h.checking, 'import', {
      name: 'checking.csv',
      content: statement,
    });

    expect(response.body).toMatchObject({ created: 0, updated: 1 });
    await h.client.catchUp();
    expect(h.client.row('transactions', transfer)).toMatchObject({
      transferImportedId: 'BANK-1',
      transferCleared: true,
    });
    const again = await upload(h, h.checking, 'import', {
      name: 'checking.csv',
      content: statement,
    });
    expect(again.body).toMatchObject({ created: 0, updated: 0, duplicate: 1 });
  });
});
