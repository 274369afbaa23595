import type * as z from 'zod';
import type {
  changeSchema,
  changesBroadcastSchema,
  errorAckSchema,
  handshakeAuthSchema,
  mutationResultSchema,
  mutationSchema,
  mutationStatusSchema,
  pullPageSchema,
  pullRequestSchema,
  pushAckSchema,
  pushRequestSchema,
  syncErrorSchema,
} from './protocol-schemas';

/** Socket.IO namespace and event names of the sync protocol. */
export const SYNC_NAMESPACE = '/sync';
export const SyncEvents = {
  push: 'sync:push',
  pull: 'sync:pull',
  changes: 'sync:changes',
} as const;

export const SyncLimits = {
  /** Mutations per push batch. */
  maxBatchMutations: 500,
  /** UTF-8 bytes of `JSON.stringify({ mutations })` per push batch. */
  maxBatchBytes: 256 * 1024,
  /** Socket.IO `maxHttpBufferSize`: a larger frame closes the connection. */
  maxFrameBytes: 1024 * 1024,
  defaultPullLimit: 500,
  maxPullLimit: 1000,
  /** A mutation stamped further ahead of the server's clock is refused (`clock_skew`). */
  maxClockSkewMs: 5 * 60 * 1000,
} as const;

/** Page sizes of the REST lists `GET /api/{modelName}` (keyset pages by id). */
export const RestLimits = {
  defaultListLimit: 100,
  maxListLimit: 1000,
} as const;

export const ErrorCodes = {
  validation: 'validation',
  unknownModel: 'unknown_model',
  notFound: 'not_found',
  clockSkew: 'clock_skew',
  batchTooLarge: 'batch_too_large',
  forbidden: 'forbidden',
  rateLimited: 'rate_limited',
  unauthorized: 'unauthorized',
  resyncRequired: 'resync_required',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/*
 * The message types are inferred from the zod schemas in protocol-schemas.ts, which also produce
 * the published JSON Schemas (AsyncAPI, OpenAPI) and validate pull requests on the server: one
 * description of the wire format, never a second hand-written copy.
 */

export type SyncError = z.output<typeof syncErrorSchema>;
export type Mutation = z.output<typeof mutationSchema>;
export type MutationStatus = z.output<typeof mutationStatusSchema>;
/** `record`: the row after this mutation (stale: the current row; rejected: the row when it exists). */
export type MutationResult = z.output<typeof mutationResultSchema>;
export type PushRequest = z.output<typeof pushRequestSchema>;
/** `fromCursor`/`cursor`: the feed position before and after this batch; equal when nothing was applied. */
export type PushAck = z.output<typeof pushAckSchema>;
/** A batch refused whole (too large, not a list) or a protocol error. */
export type ErrorAck = z.output<typeof errorAckSchema>;
export type PushResponse = PushAck | ErrorAck;
/** `cursor: null` (or left out) = initial load from the beginning. */
export type PullRequest = z.output<typeof pullRequestSchema>;
export type Change = z.output<typeof changeSchema>;
/** `cursor`: position of the last returned change (the given one when the page is empty). */
export type PullPage = z.output<typeof pullPageSchema>;
export type PullResponse = PullPage | ErrorAck;
export type ChangesBroadcast = z.output<typeof changesBroadcastSchema>;
/** Socket.IO handshake `auth` of the /sync namespace. */
export type HandshakeAuth = z.input<typeof handshakeAuthSchema>;

export function isErrorAck(value: unknown): value is ErrorAck {
  return typeof value === 'object' && value !== null && 'error' in value && !('results' in value);
}

export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Size of a push batch as the server measures it. */
export function pushBatchBytes(mutations: readonly Mutation[]): number {
  return utf8ByteLength(JSON.stringify({ mutations }));
}
