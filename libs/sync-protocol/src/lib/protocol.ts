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
