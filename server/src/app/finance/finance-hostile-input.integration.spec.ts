import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { PushAck } from '@finwise/sync-protocol';
import { openSnapshotter, type Snapshotter } from '../../testing/database-snapshot';
import { testDatabaseKinds } from '../../testing/test-database';
import {
  startTestServer,
  TEST_JWT_SECRET,
  type TestServer,
  type TestSession,
} from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

/**
 * Hostile and malformed input against the finance endpoints: every entry gets its exact status
 * and message, and the whole database (every household, read past row-level security) is the
 * same afterwards.
 */
interface Household {
  session: TestSession;
  client: TestSyncClient;
  account: string;
  category: string;
}

interface Entry {
  name: string;
  method: 'GET' | 'POST';
  path: (ctx: { me: Household; them: Household }) => string;
  body?: (ctx: { me: Household; them: Household }) => unknown;
  raw?: string;
  /** A multipart body (the bank-file import): its fields in order, files as {name, content}. */
  form?: (ctx: { me: Household; them: Household }) => [string, string | BankFile][];
  token?: 'none' | 'forged' | 'ghost';
  status: number;
  message: string | ((ctx: { me: Household; them: Household }) => string);
}

interface BankFile {
  name: string;
  content: string | Uint8Array<ArrayBuffer>;
}

const csv = (content: string): BankFile => ({ name: 'statement.csv', content });
const GOOD_CSV = csv('date,amount,payee\n2026-11-02,-4.50,Bakery\n');
const importPath =
  (kind: 'import' | 'import/preview', whose: 'me' | 'them' = 'me') =>
  (ctx: { me: Household; them: Household }) =>
    `/accounts/${ctx[whose].account}/${kind}`;

const statement = { statementDate: '2026-11-30', statementBalanceMinor: 123 };

const ENTRIES: Entry[] = [
  {
    name: 'a month past December',
    method: 'GET',
    path: () => '/budget/2026-13',
    status: 400,
    message: 'month must be YYYY-MM with a month 01 to 12 (got 2026-13)',
  },
  {
    name: 'SQL in the month',
    method: 'GET',
    path: () => `/budget/${encodeURIComponent("2026-01' OR '1'='1")}`,
    status: 400,
    message: "month must be YYYY-MM with a month 01 to 12 (got 2026-01' OR '1'='1)",
  },
  {
    name: 'a very long month',
    method: 'GET',
    path: () => `/budget/${'9'.repeat(5_000)}`,
    status: 400,
    message: `month must be YYYY-MM with a month 01 to 12 (got ${'9'.repeat(20)})`,
  },
  {
    name: 'the budget without a token',
    method: 'GET',
    path: () => '/budget/2026-01',
    token: 'none',
    status: 401,
    message: 'Missing bearer token',
  },
  {
    name: 'the budget with a forged token',
    method: 'GET',
    path: () => '/budget/2026-01',
    token: 'forged',
    status: 401,
    message: 'Invalid or expired token',
  },
  {
    name: 'the budget of a household that does not exist',
    method: 'GET',
    path: () => '/budget/2026-01',
    token: 'ghost',
    status: 403,
    message: 'You are not a member of this household',
  },
  {
    name: 'a report month past December',
    method: 'GET',
    path: () => '/reports/spending?from=2026-13',
    status: 400,
    message: 'from must be one month YYYY-MM (got 2026-13)',
  },
  {
    name: 'SQL in a report month',
    method: 'GET',
    path: () => `/reports/cash-flow?to=${encodeURIComponent("2026-01' OR '1'='1")}`,
    status: 400,
    message: "to must be one month YYYY-MM (got 2026-01' OR '1'='1)",
  },
  {
    name: 'a very long report month',
    method: 'GET',
    path: () => `/reports/net-worth?from=${'9'.repeat(5_000)}&to=${'8'.repeat(5_000)}`,
    status: 400,
    message: `from must be one month YYYY-MM (got ${'9'.repeat(20)}); to must be one month YYYY-MM (got ${'8'.repeat(20)})`,
  },
  {
    name: 'a report month given twice',
    method: 'GET',
    path: () => '/reports/spending?to=2026-01&to=2026-02',
    status: 400,
    message: 'to must be one month YYYY-MM',
  },
  {
    name: 'a date instead of a report month',
    method: 'GET',
    path: () => '/reports/cash-flow?from=2026-01-15&to=2026-01',
    status: 400,
    message: 'from must be one month YYYY-MM (got 2026-01-15)',
  },
  {
    name: 'a report range that ends before it starts',
    method: 'GET',
    path: () => '/reports/net-worth?from=2026-02&to=2026-01',
    status: 400,
    message: 'from must not be after to (2026-01)',
  },
  {
    name: 'a report range of more than 120 months',
    method: 'GET',
    path: () => '/reports/spending?from=1900-01&to=2026-12',
    status: 400,
    message: 'from is too early: a report covers at most 120 months (1900-01..2026-12 is 1524)',
  },
  {
    name: 'a report without a token',
    method: 'GET',
    path: () => '/reports/net-worth',
    token: 'none',
    status: 401,
    message: 'Missing bearer token',
  },
  {
    name: 'a report with a forged token',
    method: 'GET',
    path: () => '/reports/spending',
    token: 'forged',
    status: 401,
    message: 'Invalid or expired token',
  },
  {
    name: 'a report of a household that does not exist',
    method: 'GET',
    path: () => '/reports/cash-flow',
    token: 'ghost',
    status: 403,
    message: 'You are not a member of this household',
  },
  {
    name: "reconciling another household's account",
    method: 'POST',
    path: ({ them }) => `/accounts/${them.account}/reconcile`,
    body: () => ({ ...statement, createAdjustment: true }),
    status: 404,
    message: ({ them }) => `account ${them.account} not found`,
  },
  {
    name: "an adjustment in another household's category",
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    body: ({ them }) => ({
      ...statement,
      createAdjustment: true,
      adjustmentCategoryId: them.category,
    }),
    status: 404,
    message: ({ them }) => `category ${them.category} not found`,
  },
  {
    name: 'an account id that is SQL',
    method: 'POST',
    path: () => `/accounts/${encodeURIComponent("x' OR 1=1 --")}/reconcile`,
    body: () => statement,
    status: 404,
    message: "account x' OR 1=1 -- not found",
  },
  {
    name: 'reconciling without a token',
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    body: () => statement,
    token: 'none',
    status: 401,
    message: 'Missing bearer token',
  },
  {
    name: 'reconciling for a household that does not exist',
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    body: () => ({ ...statement, createAdjustment: true }),
    token: 'ghost',
    status: 403,
    message: 'You are not a member of this household',
  },
  {
    name: 'a body that is not JSON',
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    raw: '{"statementDate": NaN}',
    status: 400,
    message: 'request body is not valid JSON',
  },
  {
    name: 'a prototype key in the body',
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    raw: '{"statementDate":"2026-11-30","statementBalanceMinor":0,"__proto__":{"createAdjustment":true}}',
    status: 400,
    message: '__proto__ is not an accepted field',
  },
  {
    name: 'an amount beyond minor units',
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    body: () => ({ statementDate: '2026-11-30', statementBalanceMinor: 1e16 }),
    status: 400,
    message: 'statementBalanceMinor must be an integer amount in minor units',
  },
  {
    name: 'a fractional amount and a date that does not exist',
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    body: () => ({ statementDate: '2026-02-30', statementBalanceMinor: 0.5 }),
    status: 400,
    message:
      'statementDate must be a real calendar date; statementBalanceMinor must be an integer amount in minor units',
  },
  {
    name: 'wrong types',
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    body: () => ({
      statementDate: 20261130,
      statementBalanceMinor: '100',
      createAdjustment: 'yes',
    }),
    status: 400,
    message:
      'statementDate Invalid input: expected string, received number; statementBalanceMinor must be an integer amount in minor units; createAdjustment Invalid input: expected boolean, received string',
  },
  {
    name: 'a list instead of a statement',
    method: 'POST',
    path: ({ me }) => `/accounts/${me.account}/reconcile`,
    body: () => [statement],
    status: 400,
    message: 'body Invalid input: expected object, received array',
  },
  {
    name: "exporting another household's account",
    method: 'GET',
    path: ({ them }) => `/export/transactions.csv?accountId=${them.account}`,
    status: 404,
    message: ({ them }) => `account ${them.account} not found`,
  },
  {
    name: 'an export account id that is SQL',
    method: 'GET',
    path: () => `/export/transactions.csv?accountId=${encodeURIComponent("x' OR 1=1 --")}`,
    status: 400,
    message: 'accountId must be a UUID',
  },
  {
    name: 'an export range that ends before it starts',
    method: 'GET',
    path: () => '/export/transactions.csv?from=2026-02-01&to=2026-01-31',
    status: 400,
    message: 'from must not be after to (2026-01-31)',
  },
  {
    name: 'an export date that does not exist',
    method: 'GET',
    path: () => `/export/transactions.csv?to=2026-02-30&from=${'9'.repeat(5_000)}`,
    status: 400,
    message: 'from must be a date YYYY-MM-DD; to must be a date YYYY-MM-DD',
  },
  {
    name: 'exporting without a token',
    method: 'GET',
    path: () => '/export/transactions.csv',
    token: 'none',
    status: 401,
    message: 'Missing bearer token',
  },
  {
    name: 'a backup of a household that does not exist',
    method: 'GET',
    path: () => '/export/household.json',
    token: 'ghost',
    status: 403,
    message: 'You are not a member of this household',
  },
  {
    name: 'restoring into a household that holds data',
    method: 'POST',
    path: () => '/import/household',
    body: () => ({ format: 'finwise-household', version: 1, entities: {} }),
    status: 409,
    message:
      'a backup restores only into an empty household: this one already has accounts, transactions',
  },
  {
    name: 'restoring something that is not a backup',
    method: 'POST',
    path: () => '/import/household',
    body: () => ({ format: 'csv', version: 1, entities: {} }),
    status: 400,
    message: 'format must be "finwise-household" (not a FinWise household backup)',
  },
  {
    name: 'restoring a backup of a future version',
    method: 'POST',
    path: () => '/import/household',
    body: () => ({ format: 'finwise-household', version: 99, entities: {} }),
    status: 400,
    message: 'version 99 is not supported (this server restores version 1)',
  },
  {
    name: 'a prototype key among the backed-up entities',
    method: 'POST',
    path: () => '/import/household',
    raw: '{"format":"finwise-household","version":1,"entities":{"__proto__":[]}}',
    status: 400,
    message: 'entities.__proto__ is not a synced entity',
  },
  {
    name: 'a backed-up row with a system field',
    method: 'POST',
    path: () => '/import/household',
    body: ({ them }) => ({
      format: 'finwise-household',
      version: 1,
      entities: { accounts: [{ id: them.account, tenantId: them.session.tenant.id }] },
    }),
    status: 400,
    message: ({ them }) =>
      `accounts row ${them.account}: data.tenantId is set by the server and cannot be written`,
  },
  {
    name: 'a restore body that is not JSON',
    method: 'POST',
    path: () => '/import/household',
    raw: '{"format": finwise}',
    status: 400,
    message: 'request body is not valid JSON',
  },
  {
    name: 'a list instead of a backup',
    method: 'POST',
    path: () => '/import/household',
    body: () => [{ format: 'finwise-household' }],
    status: 400,
    message: 'the backup must be a JSON object',
  },
  {
    name: 'restoring without a token',
    method: 'POST',
    path: () => '/import/household',
    body: () => ({ format: 'finwise-household', version: 1, entities: {} }),
    token: 'none',
    status: 401,
    message: 'Missing bearer token',
  },
  {
    name: 'restoring into a household that does not exist',
    method: 'POST',
    path: () => '/import/household',
    body: () => ({ format: 'finwise-household', version: 1, entities: {} }),
    token: 'ghost',
    status: 403,
    message: 'You are not a member of this household',
  },
  {
    name: 'importing without a token',
    method: 'POST',
    path: importPath('import'),
    form: () => [['file', GOOD_CSV]],
    token: 'none',
    status: 401,
    message: 'Missing bearer token',
  },
  {
    name: 'importing with a forged token',
    method: 'POST',
    path: importPath('import'),
    form: () => [['file', GOOD_CSV]],
    token: 'forged',
    status: 401,
    message: 'Invalid or expired token',
  },
  {
    name: 'importing into a household that does not exist',
    method: 'POST',
    path: importPath('import'),
    form: () => [['file', GOOD_CSV]],
    token: 'ghost',
    status: 403,
    message: 'You are not a member of this household',
  },
  {
    name: "importing into another household's account",
    method: 'POST',
    path: importPath('import', 'them'),
    form: () => [['file', GOOD_CSV]],
    status: 404,
    message: ({ them }) => `account ${them.account} not found`,
  },
  {
    name: "previewing against another household's account",
    method: 'POST',
    path: importPath('import/preview', 'them'),
    form: () => [['file', GOOD_CSV]],
    status: 404,
    message: ({ them }) => `account ${them.account} not found`,
  },
  {
    name: 'an import without a file',
    method: 'POST',
    path: importPath('import'),
    form: () => [['options', '{}']],
    status: 400,
    message: 'file is required: send the bank file as the multipart field "file"',
  },
  {
    name: 'a bank file under another field name',
    method: 'POST',
    path: importPath('import'),
    form: () => [['upload', GOOD_CSV]],
    status: 400,
    message: 'Unexpected file field - upload',
  },
  {
    name: 'import options that are not JSON',
    method: 'POST',
    path: importPath('import'),
    form: () => [
      ['file', GOOD_CSV],
      ['options', '{nope'],
    ],
    status: 400,
    message: 'options is not valid JSON',
  },
  {
    name: 'a prototype key among the import options',
    method: 'POST',
    path: importPath('import'),
    form: () => [
      ['file', GOOD_CSV],
      ['options', '{"__proto__":{"flipSign":true}}'],
    ],
    status: 400,
    message: 'options has fields that are not options: __proto__',
  },
  {
    name: 'import options that are a list',
    method: 'POST',
    path: importPath('import'),
    form: () => [
      ['file', GOOD_CSV],
      ['options', '[1]'],
    ],
    status: 400,
    message: 'options Invalid input: expected object, received array',
  },
  {
    name: 'fuzzy matching switched off with a string',
    method: 'POST',
    path: importPath('import/preview'),
    form: () => [
      ['file', GOOD_CSV],
      ['options', '{"fuzzyMatch":"no"}'],
    ],
    status: 400,
    message: 'options.fuzzyMatch must be true or false',
  },
  {
    name: 'forced lines that are not a list',
    method: 'POST',
    path: importPath('import'),
    form: () => [
      ['file', GOOD_CSV],
      ['options', '{"forceNewLines":"2"}'],
    ],
    status: 400,
    message: 'options.forceNewLines must be a list of line numbers of the file',
  },
  {
    name: 'a forced line numbered 0 or a fraction',
    method: 'POST',
    path: importPath('import'),
    form: () => [
      ['file', GOOD_CSV],
      ['options', '{"forceNewLines":[0,2.5]}'],
    ],
    status: 400,
    message:
      'options.forceNewLines.0 must be a line number of the file (a whole number from 1); ' +
      'options.forceNewLines.1 must be a line number of the file (a whole number from 1)',
  },
  {
    name: 're-importing deleted rows with a number',
    method: 'POST',
    path: importPath('import'),
    form: () => [
      ['file', GOOD_CSV],
      ['options', '{"reimportDeleted":1}'],
    ],
    status: 400,
    message: 'options.reimportDeleted must be true or false',
  },
  {
    name: 'a mapped column the file does not have',
    method: 'POST',
    path: importPath('import/preview'),
    form: () => [
      ['file', GOOD_CSV],
      ['options', '{"columns":{"date":"Datum","amount":"Betrag"}}'],
    ],
    status: 400,
    message: 'The column "Datum" is not in the file',
  },
  {
    name: 'binary garbage as a bank file',
    method: 'POST',
    path: importPath('import/preview'),
    form: () => [
      ['file', { name: 'statement.csv', content: new Uint8Array(4096).map((_, i) => i % 7) }],
    ],
    status: 400,
    message:
      'This file is not a text file: it holds binary data. Export CSV, OFX, QFX or QIF from your bank',
  },
  {
    name: 'a PDF statement',
    method: 'POST',
    path: importPath('import'),
    form: () => [['file', { name: 'statement.pdf', content: '%PDF-1.7\n1 0 obj\n' }]],
    status: 400,
    message:
      'This file is not a text file (it looks like a PDF): export CSV, OFX, QFX or QIF from your bank',
  },
  {
    name: 'a truncated OFX',
    method: 'POST',
    path: importPath('import'),
    form: () => [
      [
        'file',
        {
          name: 'cut.ofx',
          content:
            'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>' +
            '<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261102<TRNAMT>-4.50',
        },
      ],
    ],
    status: 400,
    message: 'Line 5: the file ends inside transaction 1: the file is truncated',
  },
  {
    name: 'a CSV without an amount column',
    method: 'POST',
    path: importPath('import'),
    form: () => [['file', csv('date,payee\n2026-11-02,Bakery\n')]],
    status: 400,
    message:
      'the file has no column recognised as the date or the amount: map them in options.columns',
  },
  {
    name: 'an amount with more decimals than the currency',
    method: 'POST',
    path: importPath('import'),
    form: () => [
      ['file', csv('date,amount,payee\n2026-11-02,-4.505,Bakery\n')],
      ['options', '{"decimal":"."}'],
    ],
    status: 400,
    message:
      'line 2 cannot be imported (line 2: -4.505 has more decimals than EUR allows (2)); fix the file or options, or leave them out with options.excludeLines',
  },
  {
    name: 'an impossible date among good ones',
    method: 'POST',
    path: importPath('import'),
    form: () => [['file', csv('date,amount\n2026-11-02,-4.50\n2026-11-31,1.00\n')]],
    status: 400,
    message:
      'line 3 cannot be imported (line 3: 2026-11-31 is not a date in YYYY-MM-DD like the rest of the column); fix the file or options, or leave them out with options.excludeLines',
  },
];

describe.each(testDatabaseKinds())('hostile input to the finance endpoints on %s', (kind) => {
  let server: TestServer;
  let snapshots: Snapshotter;
  const ctx = {} as { me: Household; them: Household };
  const tokens: Record<'forged' | 'ghost', string> = { forged: '', ghost: '' };

  async function household(): Promise<Household> {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    const account = randomUUID();
    const category = randomUUID();
    const ack = (await client.push([
      client.mutation('accounts', 'create', {
        id: account,
        name: 'Checking',
        type: 'checking',
        currency: 'EUR',
        onBudget: true,
        closed: false,
        sortOrder: 0,
      }),
      client.mutation('categories', 'create', {
        id: category,
        name: 'Fees',
        groupName: 'Bills',
        isIncome: false,
        hidden: false,
        sortOrder: 0,
        carryOverspending: false,
      }),
      client.mutation('transactions', 'create', {
        id: randomUUID(),
        accountId: account,
        date: '2026-11-02',
        amountMinor: 5_000,
        cleared: true,
        reconciled: false,
      }),
    ])) as PushAck;
    expect(ack.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    return { session, client, account, category };
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    ctx.me = await household();
    ctx.them = await household();
    snapshots = await openSnapshotter(server);
    tokens.forged = new JwtService().sign(
      { sub: ctx.me.session.user.id, tid: ctx.me.session.tenant.id, typ: 'access' },
      { secret: 'not-the-server-secret-but-long-enough!!', expiresIn: 60 },
    );
    tokens.ghost = new JwtService().sign(
      { sub: ctx.me.session.user.id, tid: randomUUID(), typ: 'access' },
      { secret: TEST_JWT_SECRET, expiresIn: 60 },
    );
  });
  afterAll(async () => {
    ctx.me?.client.disconnect();
    ctx.them?.client.disconnect();
    await snapshots?.close();
    await server?.stop();
  });

  it.each(ENTRIES.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const before = await snapshots.take();
    const form = entry.form ? multipart(entry.form(ctx)) : undefined;
    // fetch sets the multipart boundary itself.
    const headers: Record<string, string> = form ? {} : { 'content-type': 'application/json' };
    const token =
      entry.token === 'none'
        ? null
        : entry.token
          ? tokens[entry.token]
          : ctx.me.session.accessToken;
    if (token) headers['authorization'] = `Bearer ${token}`;
    const body = form ?? entry.raw ?? (entry.body ? JSON.stringify(entry.body(ctx)) : undefined);
    const response = await fetch(`${server.url}/api${entry.path(ctx)}`, {
      method: entry.method,
      headers,
      body,
    });
    const answer = (await response.json()) as { statusCode: number; message: string };
    const message = typeof entry.message === 'function' ? entry.message(ctx) : entry.message;
    expect({ status: response.status, message: answer.message }).toEqual({
      status: entry.status,
      message,
    });
    expect(answer.statusCode).toBe(entry.status);
    expect(await snapshots.take()).toEqual(before);
  });
});

function multipart(fields: [string, string | BankFile][]): FormData {
  const form = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.content]), value.name);
  }
  return form;
}
