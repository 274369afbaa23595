import { accounts, type EntityInput } from '@finwise/domain';
import {
  encodeCursor,
  formatHlc,
  type ChangesBroadcast,
  type ErrorAck,
  type Mutation,
  type PullPage,
  type PullRequest,
  type PushAck,
  type PushRequest,
} from '@finwise/sync-protocol';

/**
 * Fixed example messages for the AsyncAPI document. They are built with the protocol helpers
 * (never typed out as JSON) and typed as the entity and the protocol messages, so an example
 * that stops matching either stops compiling; the document spec also validates them against
 * the published schemas through the AsyncAPI parser.
 */
const NODE_ID = '9f1c2a7b3d4e5f60';
const ACCOUNT_ID = '3b1f8e52-6a0c-4d7e-9b15-2c4a8f6d0e31';
const TENANT_ID = '5c0d9a14-7e2b-4f63-8a95-1d3e6b7c2f40';
const MUTATION_ID = 'a6e4c2d0-1b3f-4a5c-8e7d-9f0b2c4d6e81';
const CREATED_AT = '2026-11-25T16:40:00.120Z';
/** The server's clock when it answered, a moment after the example's writes. */
const SERVER_TIME = '2026-11-25T16:40:07.250Z';
const hlc = (second: number, counter = 0) =>
  formatHlc({ ms: Date.UTC(2026, 10, 25, 16, 40, second), counter, nodeId: NODE_ID });

/** A checking account as the app creates it: every field given, optional ones as null. */
const account = {
  id: ACCOUNT_ID,
  name: 'Giro',
  groupId: null,
  type: 'checking',
  currency: 'EUR',
  onBudget: true,
  closed: false,
  sortOrder: 1,
  note: null,
} satisfies EntityInput<typeof accounts>;
const mutation: Mutation = {
  mutationId: MUTATION_ID,
  modelName: 'accounts',
  operation: 'create',
  data: account,
  hlc: hlc(0),
};
const record = {
  ...account,
  tenantId: TENANT_ID,
  createdAt: CREATED_AT,
  updatedAt: hlc(0),
  deletedAt: null,
  fieldClocks: Object.fromEntries(accounts.fieldNames.map((field) => [field, hlc(0)])),
};

export const pushRequestExample: PushRequest = { mutations: [mutation] };

export const pushAckExample: PushAck = {
  results: [{ mutationId: MUTATION_ID, status: 'applied', record }],
  fromCursor: encodeCursor(41),
  cursor: encodeCursor(42),
  serverTime: SERVER_TIME,
};

export const staleAckExample: PushAck = {
  results: [{ mutationId: MUTATION_ID, status: 'stale', record }],
  fromCursor: encodeCursor(42),
  cursor: encodeCursor(42),
  serverTime: SERVER_TIME,
};

export const rejectedAckExample: PushAck = {
  results: [
    {
      mutationId: MUTATION_ID,
      status: 'rejected',
      error: {
        code: 'validation',
        message: 'data.currency must be an ISO-4217 code such as EUR',
        details: [{ path: 'data.currency', message: 'must be an ISO-4217 code such as EUR' }],
      },
      record,
    },
  ],
  fromCursor: encodeCursor(42),
  cursor: encodeCursor(42),
  serverTime: SERVER_TIME,
};

export const initialPullExample: PullRequest = { cursor: null, limit: 500 };
export const nextPullExample: PullRequest = { cursor: encodeCursor(42) };

export const pullPageExample: PullPage = {
  changes: [{ modelName: 'accounts', record }],
  cursor: encodeCursor(42),
  hasMore: false,
  total: 1,
  serverTime: SERVER_TIME,
};

export const changesExample: ChangesBroadcast = {
  changes: [
    {
      modelName: 'accounts',
      record: {
        ...record,
        name: 'Giro (joint)',
        updatedAt: hlc(5),
        fieldClocks: { ...record.fieldClocks, name: hlc(5) },
      },
    },
  ],
  fromCursor: encodeCursor(42),
  cursor: encodeCursor(43),
};

export const errorAckExamples: { name: string; summary: string; payload: ErrorAck }[] = [
  {
    name: 'batchTooLarge',
    summary: 'A push refused whole: split it and resend',
    payload: {
      error: { code: 'batch_too_large', message: 'a batch holds at most 500 mutations (got 501)' },
    },
  },
  {
    name: 'malformedCursor',
    summary: 'A pull with a cursor the server never issued',
    payload: { error: { code: 'validation', message: 'malformed cursor' } },
  },
  {
    name: 'resyncRequired',
    summary: 'The cursor is older than the tombstone horizon: reload from null',
    payload: {
      error: {
        code: 'resync_required',
        message: 'this cursor is no longer served: clear local data and pull from null',
      },
    },
  },
  {
    name: 'forbidden',
    summary: 'A push or pull with a token of a household that no longer exists: sign in again',
    payload: { error: { code: 'forbidden', message: 'unknown household' } },
  },
  {
    name: 'rateLimited',
    summary: 'Too many events: wait and retry',
    payload: {
      error: {
        code: 'rate_limited',
        message: 'too many requests; retry later',
        details: { retryAfterMs: 250 },
      },
    },
  },
  {
    name: 'internal',
    summary: 'The server failed: retry with backoff',
    payload: {
      error: {
        code: 'internal',
        message: 'the server could not process this request; retry later',
      },
    },
  },
];
