import Papa from 'papaparse';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import type { TestSyncClient } from '../../testing/test-sync-client';
import {
  BALANCES,
  CHECKING,
  EXPECTED_LINES,
  HEADER,
  OLD_ACCOUNT,
  YEN,
  seedHousehold,
  type SeededHousehold,
} from '../../testing/export-household';

const file = (lines: readonly string[]) => lines.map((line) => `${line}\r\n`).join('');

describe.each(testDatabaseKinds())('GET /api/export/transactions.csv on %s', (kind) => {
  let server: TestServer;
  let household: SeededHousehold;
  const open: TestSyncClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    household = await seedHousehold(server);
    open.push(household.client);
  });
  afterAll(async () => {
    for (const client of open) client.disconnect();
    await server?.stop();
  });

  const download = async (query: string, token = household.session.accessToken) => {
    const response = await fetch(`${server.url}/api/export/transactions.csv${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { response, text: await response.text() };
  };

  it('writes the hand-computed file for the whole household', async () => {
    const { response, text } = await download('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="finwise-transactions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(text).toBe(file(EXPECTED_LINES));
  });

  it("writes one account's lines with its split lines, and the far leg of a transfer", async () => {
    const checking = await download(`?accountId=${CHECKING.toUpperCase()}`);
    expect(checking.response.headers.get('content-disposition')).toMatch(
      /filename="finwise-checking-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(checking.text).toBe(file(EXPECTED_LINES.slice(0, 6)));
    const yen = await download(`?accountId=${YEN}`);
    expect(yen.text).toBe(file([HEADER, EXPECTED_LINES[8]]));
  });

  it('filters on dates, both ends inclusive', async () => {
    const { text } = await download(`?from=2026-01-07&to=2026-01-10&accountId=${CHECKING}`);
    expect(text).toBe(file([HEADER, ...EXPECTED_LINES.slice(2, 6)]));
    const empty = await download('?from=2027-01-01');
    expect(empty.text).toBe(file([HEADER]));
  });

  it('the lines of each account with an empty parent_id sum to its balance', async () => {
    const parsed = Papa.parse<Record<string, string>>((await download('')).text, {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const sums: Record<string, number> = {};
    for (const line of parsed.data) {
      if (line['parent_id'] !== '') continue;
      sums[line['account']] = (sums[line['account']] ?? 0) + Number(line['amount_minor']);
    }
    expect(sums).toEqual(BALANCES);
  });

  it.each([
    ['?accountId=not-a-uuid', 'accountId'],
    ['?from=2026-13-01', 'from'],
    ['?to=2026-02-30', 'to'],
    ['?from=20260101', 'from'],
    ['?from=2026-02-01&to=2026-01-01', 'from'],
    ['?from=2026-01-01&from=2026-01-02', 'from'],
    [`?accountId=${CHECKING}&accountId=${YEN}`, 'accountId'],
  ])('answers %s with 400 validation naming %s', async (query, path) => {
    const { response, text } = await download(query);
    expect(response.status).toBe(400);
    const body = JSON.parse(text);
    expect(body.details.code).toBe('validation');
    expect(body.details.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('answers 404 for an unknown, a deleted and another household’s account', async () => {
    const other = await server.signup();
    for (const [accountId, token] of [
      ['00000000-0000-4000-8000-00000000ffff', household.session.accessToken],
      [OLD_ACCOUNT, household.session.accessToken],
      [CHECKING, other.accessToken],
    ] as const) {
      const { response, text } = await download(`?accountId=${accountId}`, token);
      expect(response.status).toBe(404);
      expect(JSON.parse(text).statusCode).toBe(404);
    }
  });

  it('needs a token', async () => {
    const response = await fetch(`${server.url}/api/export/transactions.csv`);
    expect(response.status).toBe(401);
  });
});
