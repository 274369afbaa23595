import type { SyncClientErrorCode } from './public-types';

/** An `Error` with a stable `code`, so callers branch on the code rather than on messages. */
export class SyncClientError extends Error {
  override readonly name = 'SyncClientError';

  constructor(
    readonly code: SyncClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isSyncClientError(
  value: unknown,
  code?: SyncClientErrorCode,
): value is SyncClientError {
  return value instanceof SyncClientError && (code === undefined || value.code === code);
}
