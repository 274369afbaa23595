import type { z } from 'zod';
import { encodeCursor } from './cursor';
import { ERROR_CODE_DESCRIPTIONS } from './error-code-descriptions';
import { formatHlc } from './hlc';
import { ErrorCodes, SyncLimits, type ErrorCode } from './protocol';
import type { Operation } from './merge';
import type {
  Change,
  ChangesBroadcast,
  ErrorAck,
  Mutation,
  MutationResult,
  PullPage,
  PullRequest,
  PushAck,
  PushRequest,
  SyncError,
} from './messages';
import type { AnyRecord } from './record';
import {
  changeSchema,
  changesBroadcastSchema,
  errorAckSchema,
  errorCodeSchema,
  handshakeAuthSchema,
  hlcSchema,
  mutationResultSchema,
  mutationSchema,
  pullPageSchema,
  pullRequestSchema,
  pushAckSchema,
  pushRequestSchema,
  syncErrorSchema,
  syncRecordSchema,
} from './protocol-schemas';

/**
 * Compile-time proof that the exported types are the schemas' shapes (they are inferred, so this
 * guards against someone replacing an inference with a hand-written copy that drifts).
 * ts-jest type-checks this file, so a drift fails the suite.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matches = <T extends true>(value: T): T => value;

matches<Same<z.output<typeof syncErrorSchema>, SyncError>>(true);
matches<Same<z.output<typeof mutationSchema>, Mutation>>(true);
matches<Same<z.output<typeof syncRecordSchema>, AnyRecord>>(true);
matches<Same<z.output<typeof mutationResultSchema>, MutationResult>>(true);
matches<Same<z.output<typeof pushRequestSchema>, PushRequest>>(true);
matches<Same<z.output<typeof pushAckSchema>, PushAck>>(true);
matches<Same<z.output<typeof errorAckSchema>, ErrorAck>>(true);
matches<Same<z.output<typeof pullRequestSchema>, PullRequest>>(true);
matches<Same<z.output<typeof changeSchema>, Change>>(true);
matches<Same<z.output<typeof pullPageSchema>, PullPage>>(true);
matches<Same<z.output<typeof changesBroadcastSchema>, ChangesBroadcast>>(true);
// The shapes clients were written against before the types were inferred.
matches<Same<PullRequest, { cursor: string | null; limit?: number }>>(true);
matches<Same<SyncError, { code: ErrorCode; message: string; details?: unknown }>>(true);
matches<
  Same<
    Mutation,
    {
      mutationId: string;
      modelName: string;
      operation: Operation;
      data: { id: string } & Record<string, unknown>;
      hlc: string;
    }
  >
>(true);
matches<
  Same<
    PushAck,
    { results: MutationResult[]; fromCursor: string; cursor: string; serverTime: string }
  >
>(true);
matches<
  Same<
    PullPage,
    { changes: Change[]; cursor: string; hasMore: boolean; serverTime: string; total?: number }
  >
>(true);
matches<
  Same<
    MutationResult,
    {
      mutationId: string;
      status: 'applied' | 'stale' | 'rejected';
      error?: SyncError;
      record?: AnyRecord;
    }
  >
>(true);

const hlc = formatHlc({
  ms: Date.UTC(2026, 10, 25, 16, 40),
  counter: 0,
  nodeId: '9f1c2a7b3d4e5f60',
});
const id = '7d4f3a0e-3c55-4f5b-9c2e-1b8a6f0d2c11';
const record = {
  id,
  tenantId: id,
  createdAt: '2026-11-25T16:40:00.000Z',
  updatedAt: hlc,
  deletedAt: null,
  fieldClocks: { name: hlc },
  name: 'Giro',
};

describe('protocol schemas', () => {
  it('accept the messages of the protocol', () => {
    const mutation = {
      mutationId: id,
      modelName: 'accounts',
      operation: 'update',
      data: { id, name: 'Giro' },
      hlc,
    };
    expect(pushRequestSchema.parse({ mutations: [mutation] })).toEqual({ mutations: [mutation] });
    const ack = {
      results: [{ mutationId: id, status: 'applied', record }],
      fromCursor: encodeCursor(4),
      cursor: encodeCursor(5),
      serverTime: '2026-11-25T16:40:00.123Z',
    };
    expect(pushAckSchema.parse(ack)).toEqual(ack);
    expect(pushAckSchema.safeParse({ ...ack, serverTime: 'yesterday' }).success).toBe(false);
    expect(pullRequestSchema.parse({ cursor: null })).toEqual({ cursor: null });
    const page = {
      changes: [{ modelName: 'accounts', record }],
      cursor: encodeCursor(5),
      hasMore: false,
      total: 1,
      serverTime: '2026-11-25T16:40:00.123Z',
    };
    expect(pullPageSchema.parse(page)).toEqual(page);
    expect(
      changesBroadcastSchema.parse({ changes: page.changes, fromCursor: 'c4', cursor: 'c5' })
        .cursor,
    ).toBe('c5');
    expect(
      errorAckSchema.parse({ error: { code: 'batch_too_large', message: 'split' } }).error.code,
    ).toBe('batch_too_large');
    expect(handshakeAuthSchema.parse({ token: 'jwt', clientId: 'phone' })).toEqual({
      token: 'jwt',
      clientId: 'phone',
    });
  });

  it.each([
    ['a malformed HLC', { hlc: '2026-11-25 16:40' }],
    ['an impossible HLC date', { hlc: '2026-02-30T00:00:00.000Z-0000-9f1c2a7b3d4e5f60' }],
    ['an unknown operation', { operation: 'upsert' }],
    ['an extra envelope key', { extra: 1 }],
    ['data without id', { data: { name: 'x' } }],
  ])('reject a mutation with %s', (_label, override) => {
    const mutation = {
      mutationId: id,
      modelName: 'accounts',
      operation: 'update',
      data: { id },
      hlc,
      ...override,
    };
    expect(mutationSchema.safeParse(mutation).success).toBe(false);
  });

  it('limit a push to the batch size and reject malformed cursors', () => {
    const mutation = {
      mutationId: id,
      modelName: 'accounts',
      operation: 'delete',
      data: { id },
      hlc,
    };
    const tooMany = Array.from({ length: SyncLimits.maxBatchMutations + 1 }, () => mutation);
    expect(pushRequestSchema.safeParse({ mutations: tooMany }).success).toBe(false);
    expect(pullRequestSchema.safeParse({ cursor: 'garbage' }).success).toBe(false);
  });

  it('read pull requests as the server does: cursor optional, unknown keys ignored, limit a number', () => {
    expect(pullRequestSchema.parse({})).toEqual({ cursor: null });
    expect(pullRequestSchema.parse({ cursor: 'c5', limit: -3, since: 'x' })).toEqual({
      cursor: 'c5',
      limit: -3,
    });
    expect(pullRequestSchema.safeParse({ cursor: null, limit: null }).success).toBe(false);
    expect(pullRequestSchema.safeParse({ cursor: 'c05' }).success).toBe(false);
    expect(pullRequestSchema.safeParse([]).success).toBe(false);
  });

  it('ignore unknown keys of a push request and a handshake, and refuse HLCs before 2000', () => {
    expect(pushRequestSchema.parse({ mutations: [], batch: 1 })).toEqual({ mutations: [] });
    expect(handshakeAuthSchema.parse({ token: 't', clientId: 'x'.repeat(300), v: 2 })).toEqual({
      token: 't',
      clientId: 'x'.repeat(300),
    });
    expect(
      hlcSchema.safeParse(
        formatHlc({ ms: Date.UTC(1999, 11, 31), counter: 0, nodeId: '9f1c2a7b3d4e5f60' }),
      ).success,
    ).toBe(false);
    expect(hlcSchema.safeParse(hlc).success).toBe(true);
  });

  it('know every error code and describe each one', () => {
    expect(errorCodeSchema.options.slice().sort()).toEqual(Object.values(ErrorCodes).sort());
    for (const code of Object.values(ErrorCodes)) {
      expect(ERROR_CODE_DESCRIPTIONS[code].length).toBeGreaterThan(20);
    }
    expect(syncErrorSchema.safeParse({ code: 'teapot', message: 'x' }).success).toBe(false);
  });
});
