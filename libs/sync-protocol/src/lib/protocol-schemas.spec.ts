import type { z } from 'zod';
import { encodeCursor } from './cursor';
import { ERROR_CODE_DESCRIPTIONS } from './error-code-descriptions';
import { formatHlc } from './hlc';
import { ErrorCodes, SyncLimits } from './protocol';
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
} from './protocol';
import type { AnyRecord } from './record';
import {
  changeSchema,
  changesBroadcastSchema,
  errorAckSchema,
  errorCodeSchema,
  handshakeAuthSchema,
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
 * Compile-time proof that the hand-written interfaces and the schemas describe the same shapes:
 * each must be assignable to the other. ts-jest type-checks this file, so a drift fails the suite.
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

const hlc = formatHlc({ ms: Date.UTC(2026, 10, 25, 16, 40), counter: 0, nodeId: '9f1c2a7b3d4e5f60' });
const id = '7d4f3a0e-3c55-4f5b-9c2e-1b8a6f0d2c11';
const record = { id, tenantId: id, createdAt: '2026-11-25T16:40:00.000Z', updatedAt: hlc, deletedAt: null, fieldClocks: { name: hlc }, name: 'Giro' };

describe('protocol schemas', () => {
  it('accept the messages of the protocol', () => {
    const mutation = { mutationId: id, modelName: 'accounts', operation: 'update', data: { id, name: 'Giro' }, hlc };
    expect(pushRequestSchema.parse({ mutations: [mutation] })).toEqual({ mutations: [mutation] });
    const ack = {
      results: [{ mutationId: id, status: 'applied', record }],
      fromCursor: encodeCursor(4),
      cursor: encodeCursor(5),
    };
    expect(pushAckSchema.parse(ack)).toEqual(ack);
    expect(pullRequestSchema.parse({ cursor: null })).toEqual({ cursor: null });
    const page = { changes: [{ modelName: 'accounts', record }], cursor: encodeCursor(5), hasMore: false, total: 1 };
    expect(pullPageSchema.parse(page)).toEqual(page);
    expect(changesBroadcastSchema.parse({ changes: page.changes, fromCursor: 'c4', cursor: 'c5' }).cursor).toBe('c5');
    expect(errorAckSchema.parse({ error: { code: 'batch_too_large', message: 'split' } }).error.code).toBe('batch_too_large');
    expect(handshakeAuthSchema.parse({ token: 'jwt', clientId: 'phone' })).toEqual({ token: 'jwt', clientId: 'phone' });
  });

  it.each([
    ['a malformed HLC', { hlc: '2026-11-25 16:40' }],
    ['an impossible HLC date', { hlc: '2026-02-30T00:00:00.000Z-0000-9f1c2a7b3d4e5f60' }],
    ['an unknown operation', { operation: 'upsert' }],
    ['an extra envelope key', { extra: 1 }],
    ['data without id', { data: { name: 'x' } }],
  ])('reject a mutation with %s', (_label, override) => {
    const mutation = { mutationId: id, modelName: 'accounts', operation: 'update', data: { id }, hlc, ...override };
    expect(mutationSchema.safeParse(mutation).success).toBe(false);
  });

  it('limit a push to the batch size and reject malformed cursors', () => {
    const mutation = { mutationId: id, modelName: 'accounts', operation: 'delete', data: { id }, hlc };
    const tooMany = Array.from({ length: SyncLimits.maxBatchMutations + 1 }, () => mutation);
    expect(pushRequestSchema.safeParse({ mutations: tooMany }).success).toBe(false);
    expect(pullRequestSchema.safeParse({ cursor: 'garbage' }).success).toBe(false);
  });

  it('know every error code and describe each one', () => {
    expect(errorCodeSchema.options.slice().sort()).toEqual(Object.values(ErrorCodes).sort());
    for (const code of Object.values(ErrorCodes)) {
      expect(ERROR_CODE_DESCRIPTIONS[code].length).toBeGreaterThan(20);
    }
    expect(syncErrorSchema.safeParse({ code: 'teapot', message: 'x' }).success).toBe(false);
  });
});
