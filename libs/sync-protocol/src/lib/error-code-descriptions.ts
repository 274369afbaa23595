import type { ErrorCode } from './protocol';

/**
 * What each protocol error code means and what a client does about it. The generated API
 * documents (AsyncAPI, OpenAPI) quote these, so they are written for integrators.
 */
export const ERROR_CODE_DESCRIPTIONS: Readonly<Record<ErrorCode, string>> = {
  validation:
    'Malformed input: a mutation envelope or its data (unknown or system field, wrong type, bad id, bad HLC), ' +
    'a push body that is not { mutations: [...] }, or a pull with a malformed cursor or a limit that is not a number. `message` names ' +
    'each problem; for data, `details` lists { path, message }. Do not retry unchanged.',
  unknown_model:
    'The mutation names a modelName that is not a synced entity. Do not retry unchanged.',
  not_found:
    'An update of an id this household does not have, with data that is not a complete row. Send a create ' +
    '(or the full row) instead.',
  clock_skew:
    'The mutation HLC is more than 5 minutes ahead of the server clock. Keep the offset to the serverTime of ' +
    'acks and pull pages, re-stamp the mutation with device time + offset and resend it (do not roll it back).',
  batch_too_large:
    'A push of more than 500 mutations or 256 KB of JSON ({mutations}, UTF-8). Nothing was applied: split the ' +
    'batch and resend the halves.',
  forbidden:
    "The token's user is not (any more) a member of its household — removed by an owner, or left — or the " +
    'household does not exist: the handshake is refused with connect_error message "forbidden", and a push or ' +
    'pull is refused whole (nothing was applied). Do not refresh; stop syncing that household, keep its local ' +
    'data, and sign in again.',
  rate_limited:
    'Too many events on this connection or household. Nothing was done; wait `details.retryAfterMs` and retry.',
  unauthorized:
    'Missing, forged or expired access token. The handshake is refused with connect_error message ' +
    '"unauthorized"; refresh the token and connect again. A push or pull sent on an open socket after its ' +
    'token expired is not carried out: it is acked with this code, then the server closes the socket ' +
    '("io server disconnect"); refresh, reconnect and send it again.',
  resync_required:
    'The cursor is no longer served (older than the tombstone retention horizon, or ahead of the server data). ' +
    'Clear synced rows (keep the outbox) and pull again from cursor null.',
  internal:
    'The server failed unexpectedly. Retry later with backoff; re-sending a push is harmless.',
};
