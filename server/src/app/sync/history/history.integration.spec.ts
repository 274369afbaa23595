import { accounts, categories } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import {
  isErrorAck,
  type HistoryEntry,
  type Mutation,
  type PushAck,
  type PushResponse,
  type RowHistory,
} from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';
import { TombstonePurger } from '../feed/tombstone-purger';

const DAY_MS = 24 * 3600 * 1000;

function ack(response: PushResponse): PushAck {
  if (isErrorAck(response)) throw new Error(`push refused: ${response.error.code}`);
  return response;
}

/** Lets server time move past the HLC of what was made just before. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 25));

/** An entry reduced to what the assertions compare. */
const summary = (entry: HistoryEntry) => ({
  hlc: entry.hlc,
  clientId: entry.clientId,
  operation: entry.operation,
  fields: entry.fields,
});

describe.each(testDatabaseKinds())('change history on %s', (kind) => {
  let server: TestServer;
  let ann: TestSession;
  let bob: TestSession;
  const clients: TestSyncClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    ann = await server.signup();
    const invite = await server.request('POST', `/tenants/${ann.tenant.id}/invites`, {
      token: ann.accessToken,
    });
    bob = await server.signup({ inviteCode: invite.body.code });
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server?.stop();
  });

  const device = async (session: TestSession, clientId: string) => {
    const client = await TestSyncClient.connected(server.url, session.accessToken, { clientId });
    clients.push(client);
    return client;
  };
  const history = async (
    modelName: string,
    id: string,
    query = '',
    token = ann.accessToken,
  ): Promise<{ status: number; body: RowHistory & Record<string, unknown> }> =>
    server.request('GET', `/${modelName}/${id}/history${query}`, { token });
  const itemsOf = async (modelName: string, id: string, query = '') => {
    const answer = await history(modelName, id, query);
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  it('records every mutation of a row once, what each field became, and which changes were concurrent', async () => {
    const phone = await device(ann, 'phone');
    const laptop = await device(bob, 'laptop');
    const tablet = await device(ann, 'tablet');
    const row = { ...sampleData(accounts, 1), name: 'Giro', note: 'first', sortOrder: 1 };
    const created = phone.mutation('accounts', 'create', row);
    ack(await phone.push([created]));
    await tick();

    // The laptop and the tablet edit while offline; the laptop's edit is the older one.
    const laptopEdit = laptop.mutation('accounts', 'update', {
      id: row.id,
      name: 'Laptop name',
      note: 'laptop note',
    });
    await tick();
    const tabletEdit = tablet.mutation('accounts', 'update', {
      id: row.id,
      note: 'tablet note',
      sortOrder: 7,
    });
    await tick();
    // Meanwhile the phone renames the row online.
    const phoneRename = phone.mutation('accounts', 'update', { id: row.id, name: 'Phone name' });
    ack(await phone.push([phoneRename]));
    await tick();
    // The laptop comes online: its name is older than the phone's and is lost; its note wins.
    ack(await laptop.push([laptopEdit]));
    await tick();
    // The tablet comes online last: its note was made before the laptop's note reached the
    // server, and replaces it without having seen it.
    ack(await tablet.push([tabletEdit]));

    const items = await itemsOf('accounts', row.id);
    expect(items.map(summary)).toEqual([
      {
        hlc: tabletEdit.hlc,
        clientId: 'tablet',
        operation: 'update',
        fields: [
          { field: 'sortOrder', value: 7, outcome: 'applied', previous: 1 },
          {
            field: 'note',
            value: 'tablet note',
            outcome: 'applied',
            previous: 'laptop note',
            concurrent: true,
          },
        ],
      },
      {
        hlc: laptopEdit.hlc,
        clientId: 'laptop',
        operation: 'update',
        fields: [
          { field: 'name', value: 'Laptop name', outcome: 'lost' },
          // The note it replaced (the phone's create) had reached the server before this edit was made.
          { field: 'note', value: 'laptop note', outcome: 'applied', previous: 'first' },
        ],
      },
      {
        hlc: phoneRename.hlc,
        clientId: 'phone',
        operation: 'update',
        fields: [{ field: 'name', value: 'Phone name', outcome: 'applied', previous: 'Giro' }],
      },
      {
        hlc: created.hlc,
        clientId: 'phone',
        operation: 'create',
        fields: accounts.fieldNames.map((field) => ({
          field,
          value: (row as Record<string, unknown>)[field] ?? null,
          outcome: 'applied',
        })),
      },
    ]);
    expect(items.map((item) => [item.userId, item.email])).toEqual([
      [ann.user.id, ann.user.email],
      [bob.user.id, bob.user.email],
      [ann.user.id, ann.user.email],
      [ann.user.id, ann.user.email],
    ]);
    // Newest first by arrival, each arrival a real instant.
    const arrivals = items.map((item) => Date.parse(item.at));
    expect([...arrivals].sort((a, b) => b - a)).toEqual(arrivals);
    expect(
      await server.request('GET', `/accounts/${row.id}`, { token: ann.accessToken }),
    ).toMatchObject({ body: { name: 'Phone name', note: 'tablet note', sortOrder: 7 } });
  });

  it('records each of many mutations pushed at once from several sockets exactly once', async () => {
    const devices = await Promise.all(['one', 'two', 'three', 'four'].map((id) => device(ann, id)));
    const row = sampleData(categories, 2);
    ack(await devices[0].push([devices[0].mutation('categories', 'create', row)]));
    const batches: Mutation[][] = devices.map((client, i) =>
      Array.from({ length: 5 }, (_, j) =>
        client.mutation('categories', 'update', {
          id: row.id,
          name: `device ${i} edit ${j}`,
          sortOrder: i * 10 + j,
        }),
      ),
    );
    const acks = await Promise.all(devices.map((client, i) => client.push(batches[i])));
    expect(acks.every((a) => !isErrorAck(a))).toBe(true);

    const items = await itemsOf('categories', row.id);
    expect(items).toHaveLength(21);
    const sent = batches.flat();
    expect(
      items
        .slice(0, 20)
        .map((item) => item.hlc)
        .sort(),
    ).toEqual(sent.map((m) => m.hlc).sort());
    // Per device, its own batch in the order it was merged.
    for (const [i, client] of devices.entries()) {
      expect(items.filter((item) => item.clientId === client.clientId).map((i) => i.hlc)).toEqual(
        [...batches[i].map((m) => m.hlc)].reverse().concat(i === 0 ? [items[20].hlc] : []),
      );
    }
    // Replaying the merge by arrival gives the stored row: the newest clock won every field.
    const newest = [...sent].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)).at(-1) as Mutation;
    const stored = await server.request('GET', `/categories/${row.id}`, {
      token: ann.accessToken,
    });
    expect(stored.body).toMatchObject({ name: newest.data['name'] });
    // A field is lost exactly when a newer clock had already written it.
    const byArrival = [...items].reverse();
    let clock = byArrival[0].hlc;
    for (const item of byArrival.slice(1)) {
      const name = item.fields.find((f) => f.field === 'name');
      expect(name?.outcome).toBe(item.hlc > clock ? 'applied' : 'lost');
      if (item.hlc > clock) clock = item.hlc;
    }
  });

  it('records a re-sent mutation once, over the socket and over HTTP', async () => {
    const phone = await device(ann, 'resender');
    const row = sampleData(accounts, 3);
    const create = phone.mutation('accounts', 'create', row);
    const rename = phone.mutation('accounts', 'update', { id: row.id, name: 'Renamed' });
    ack(await phone.push([create, rename]));
    expect(ack(await phone.push([rename, create])).results.map((r) => r.status)).toEqual([
      'stale',
      'stale',
    ]);
    const overHttp = await server.request('POST', '/sync/push', {
      token: ann.accessToken,
      body: { mutations: [rename] },
    });
    expect(overHttp.body.results[0].status).toBe('stale');
    expect((await itemsOf('accounts', row.id)).map((item) => item.hlc)).toEqual([
      rename.hlc,
      create.hlc,
    ]);
  });

  it('shows a lost value restored by an ordinary update as applied', async () => {
    const early = await device(ann, 'early');
    const late = await device(ann, 'late');
    const row = { ...sampleData(accounts, 4), name: 'Original' };
    ack(await early.push([early.mutation('accounts', 'create', row)]));
    await tick();
    const older = early.mutation('accounts', 'update', { id: row.id, name: 'Mine' });
    await tick();
    ack(await late.push([late.mutation('accounts', 'update', { id: row.id, name: 'Theirs' })]));
    ack(await early.push([older]));
    const [lost] = await itemsOf('accounts', row.id);
    expect(lost.fields).toEqual([{ field: 'name', value: 'Mine', outcome: 'lost' }]);

    // "Restore this value": an ordinary update carrying the lost value.
    const restored = await server.request('PATCH', `/accounts/${row.id}`, {
      token: bob.accessToken,
      body: { name: lost.fields[0].value },
    });
    expect(restored).toMatchObject({ status: 200, body: { name: 'Mine' } });
    const [restore] = await itemsOf('accounts', row.id, '?limit=1');
    expect(restore).toMatchObject({
      hlc: restored.body.updatedAt,
      userId: bob.user.id,
      email: bob.user.email,
      clientId: null,
      operation: 'update',
      fields: [{ field: 'name', value: 'Mine', outcome: 'applied', previous: 'Theirs' }],
    });
  });

  it('answers a deleted row with its delete, newest first, limited', async () => {
    const row = sampleData(accounts, 5);
    const made = await server.request('POST', '/accounts', {
      token: ann.accessToken,
      body: row,
    });
    expect(made.status).toBe(201);
    await server.request('PATCH', `/accounts/${row.id}`, {
      token: ann.accessToken,
      body: { closed: true },
    });
    const deleted = await server.request('DELETE', `/accounts/${row.id}`, {
      token: ann.accessToken,
    });
    expect(deleted.status).toBe(200);
    const items = await itemsOf('accounts', row.id);
    expect(items.map((item) => item.operation)).toEqual(['delete', 'update', 'create']);
    expect(items[0]).toMatchObject({ hlc: deleted.body.deletedAt, fields: [] });
    expect(await itemsOf('accounts', row.id, '?limit=2')).toEqual(items.slice(0, 2));
    // An update of the tombstone is recorded as lost.
    const phone = await device(ann, 'zombie');
    ack(await phone.push([phone.mutation('accounts', 'update', { id: row.id, note: 'again' })]));
    expect((await itemsOf('accounts', row.id, '?limit=1'))[0].fields).toEqual([
      { field: 'note', value: 'again', outcome: 'lost' },
    ]);
  });

  it('answers 404 for another household’s row and unknown ids, 400 for a bad limit', async () => {
    const stranger = await server.signup();
    const theirs = sampleData(accounts, 6);
    expect(
      (await server.request('POST', '/accounts', { token: stranger.accessToken, body: theirs }))
        .status,
    ).toBe(201);
    const notFound = (id: string) => ({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `Account ${id} not found` },
    });
    expect(await history('accounts', theirs.id)).toEqual(notFound(theirs.id));
    expect((await history('accounts', theirs.id, '', stranger.accessToken)).status).toBe(200);
    const unknown = sampleData(accounts, 7).id;
    expect(await history('accounts', unknown)).toEqual(notFound(unknown));
    expect(await history('accounts', 'not-a-uuid')).toEqual(notFound('not-a-uuid'));
    for (const limit of ['0', '501', '-1', '1.5', 'abc', '', '1e2', '50&limit=60']) {
      expect(await history('accounts', theirs.id, `?limit=${limit}`, stranger.accessToken)).toEqual(
        {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'limit must be an integer between 1 and 500',
          },
        },
      );
    }
    expect((await history('accounts', theirs.id, '?limit=500', stranger.accessToken)).status).toBe(
      200,
    );
  });

  it('keeps the entries of a member who left, without their email', async () => {
    const owner = await server.signup();
    const invite = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: owner.accessToken,
    });
    const guest = await server.signup({ inviteCode: invite.body.code });
    const row = sampleData(accounts, 11);
    expect(
      (await server.request('POST', '/accounts', { token: guest.accessToken, body: row })).status,
    ).toBe(201);
    const left = await server.request(
      'DELETE',
      `/tenants/${owner.tenant.id}/members/${guest.user.id}`,
      {
        token: guest.accessToken,
      },
    );
    expect(left.status).toBe(204);
    const answer = await history('accounts', row.id, '', owner.accessToken);
    expect(answer.body.items.map((item) => [item.userId, item.email])).toEqual([
      [guest.user.id, null],
    ]);
  });

  it('is purged with the tombstones: purged rows entirely, other rows before the horizon', async () => {
    const household = await server.signup();
    const phone = await TestSyncClient.connected(server.url, household.accessToken);
    clients.push(phone);
    const kept = sampleData(accounts, 8);
    const gone = sampleData(accounts, 9);
    ack(
      await phone.push([
        phone.mutation('accounts', 'create', kept),
        phone.mutation('accounts', 'create', gone),
      ]),
    );
    ack(await phone.push([phone.mutation('accounts', 'delete', { id: gone.id })]));
    const ofHousehold = async (id: string) =>
      (await history('accounts', id, '', household.accessToken)).body.items?.length;
    const purger = server.app.get(TombstonePurger);
    await purger.purge(Date.now() + 89 * DAY_MS);
    expect([await ofHousehold(kept.id), await ofHousehold(gone.id)]).toEqual([1, 2]);
    await purger.purge(Date.now() + 91 * DAY_MS);
    expect(await ofHousehold(kept.id)).toBe(0);
    expect((await history('accounts', gone.id, '', household.accessToken)).status).toBe(404);
  });
});

describe(`change history switched off (FINWISE_HISTORY=off) on ${testDatabaseKinds()[0]}`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(testDatabaseKinds()[0], { recordHistory: false });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('records nothing, and the endpoint still answers', async () => {
    const session = await server.signup();
    const row = sampleData(accounts, 10);
    expect(
      (await server.request('POST', '/accounts', { token: session.accessToken, body: row })).status,
    ).toBe(201);
    expect(
      await server.request('GET', `/accounts/${row.id}/history`, { token: session.accessToken }),
    ).toEqual({ status: 200, body: { items: [] } });
  });
});
