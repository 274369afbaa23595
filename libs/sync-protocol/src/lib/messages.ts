import type * as z from 'zod';
import type {
  changeSchema,
  changesBroadcastSchema,
  errorAckSchema,
  handshakeAuthSchema,
  mutationResultSchema,
  mutationSchema,
  pullPageSchema,
  pullRequestSchema,
  pushAckSchema,
  pushRequestSchema,
  syncErrorSchema,
} from './protocol-schemas';

/*
 * The message types of the sync protocol, inferred from the zod schemas in protocol-schemas.ts, which also produce
 * the published JSON Schemas (AsyncAPI, OpenAPI) and validate pull requests on the server: one
 * description of the wire format, never a second hand-written copy.
 */

export type SyncError = z.output<typeof syncErrorSchema>;
export type Mutation = z.output<typeof mutationSchema>;
/** `record`: the row after this mutation (stale: the current row; rejected: the row when it exists). */
export type MutationResult = z.output<typeof mutationResultSchema>;
export type PushRequest = z.output<typeof pushRequestSchema>;
/**
 * `fromCursor`/`cursor`: the feed position before and after this batch; equal when nothing was
 * applied. `serverTime`: the server's clock (ISO), for the client's clock offset.
 */
export type PushAck = z.output<typeof pushAckSchema>;
/** A batch refused whole (too large, not a list) or a protocol error. */
export type ErrorAck = z.output<typeof errorAckSchema>;
export type PushResponse = PushAck | ErrorAck;
/** `cursor: null` (or left out) = initial load from the beginning. */
export type PullRequest = z.output<typeof pullRequestSchema>;
export type Change = z.output<typeof changeSchema>;
/**
 * `cursor`: position of the last returned change (the given one when the page is empty).
 * `serverTime`: the server's clock (ISO), for the client's clock offset.
 */
export type PullPage = z.output<typeof pullPageSchema>;
export type PullResponse = PullPage | ErrorAck;
export type ChangesBroadcast = z.output<typeof changesBroadcastSchema>;
/** Socket.IO handshake `auth` of the /sync namespace. */
export type HandshakeAuth = z.input<typeof handshakeAuthSchema>;

export function isErrorAck(value: unknown): value is ErrorAck {
  return typeof value === 'object' && value !== null && 'error' in value && !('results' in value);
}
