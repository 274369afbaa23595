import type { Hlc } from './hlc';
import type { Operation } from './merge';
import type { AnyRecord } from './record';

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

export interface SyncError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export interface Mutation {
  mutationId: string;
  modelName: string;
  operation: Operation;
  data: { id: string } & Record<string, unknown>;
  hlc: Hlc;
}

export type MutationStatus = 'applied' | 'stale' | 'rejected';

export interface MutationResult {
  mutationId: string;
  status: MutationStatus;
  error?: SyncError;
  /** The row after this mutation (stale: the current row; rejected: the row when it exists). */
  record?: AnyRecord;
}

export interface PushRequest {
  mutations: Mutation[];
}

export interface PushAck {
  results: MutationResult[];
  /** Feed position before this batch's changes… */
  fromCursor: string;
  /** …and after them. Equal when nothing was applied. */
  cursor: string;
}

/** A batch refused whole (too large, not a list) or a protocol error. */
export interface ErrorAck {
  error: SyncError;
}

export type PushResponse = PushAck | ErrorAck;

export interface PullRequest {
  /** null = initial load from the beginning. */
  cursor: string | null;
  limit?: number;
}

export interface Change {
  modelName: string;
  record: AnyRecord;
}

export interface PullPage {
  changes: Change[];
  /** Position of the last returned change (the given cursor when the page is empty). */
  cursor: string;
  hasMore: boolean;
  /** Number of changes a complete pull from the request's cursor returns (initial load only). */
  total?: number;
}

export type PullResponse = PullPage | ErrorAck;

export interface ChangesBroadcast {
  changes: Change[];
  fromCursor: string;
  cursor: string;
}

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
