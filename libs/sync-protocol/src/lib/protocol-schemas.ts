import * as z from 'zod';
import { CURSOR_PATTERN, decodeCursor } from './cursor';
import { ERROR_CODE_DESCRIPTIONS } from './error-code-descriptions';
import { EARLIEST_HLC_MS, HLC_PATTERN, parseHlc } from './hlc';
import { ErrorCodes, SyncLimits } from './protocol';

/**
 * The sync protocol's messages as zod schemas: the single description of the wire format
 * from which the published JSON Schemas (AsyncAPI for the socket, OpenAPI for the HTTP twins)
 * are generated, and from which the TypeScript types in messages.ts are inferred.
 *
 * They describe exactly what the server accepts: it validates pull requests with
 * `pullRequestSchema` itself. Push envelopes and mutations are checked by hand-optimised code on
 * the hot path (mutation-envelope, validateMutationData); a conformance suite on the server runs
 * the same inputs through these schemas and through the server and requires the same verdict.
 * Request objects ignore keys they do not know (so newer clients can talk to older servers); a
 * mutation and its data refuse them, because a misspelt field must never be dropped silently.
 * What no JSON Schema can say is stated in the descriptions: the byte limit of a batch, the clock
 * skew limit (checked against the server's clock) and entity-specific data rules.
 */

/** Any 8-4-4-4-12 hex id, either case: what the server accepts as an id (it stores lowercase). */
const idSchema = z
  .guid()
  .describe('UUID, chosen by the client; lowercase in everything the server returns');

export const hlcSchema = z
  .string()
  .regex(HLC_PATTERN)
  .refine((value) => (parseHlc(value)?.ms ?? -1) >= EARLIEST_HLC_MS, {
    error: 'must be a real instant, 2000-01-01 or later',
  })
  .describe(
    'Hybrid logical clock: <ISO-8601 UTC with ms>-<counter, 4 lowercase hex>-<node id, 16 lowercase hex>, ' +
      'e.g. 2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60. The time must be a real instant, 2000-01-01 or later. ' +
      'Plain string order is causal order.',
  );

export const cursorSchema = z
  .string({ error: 'cursor must be null or a cursor the server returned' })
  .regex(CURSOR_PATTERN, { error: 'malformed cursor' })
  .refine((value) => decodeCursor(value) !== null, { error: 'malformed cursor' })
  .describe(
    'Opaque position in the household change feed. Store it as given; never compute with it.',
  );

/**
 * The server's wall clock when it answered: clients keep their offset to it, so a device whose
 * clock is wrong still stamps its changes with HLCs near the server's time (DESIGN §6).
 */
export const serverTimeSchema = z.iso
  .datetime({ precision: 3 })
  .describe(
    "The server's clock when it answered (ISO-8601 UTC with ms). Clients keep their offset to it " +
      'and stamp with device time + offset when the device clock is off by more than a minute.',
  );

export const errorCodeSchema = z.enum(ErrorCodes).describe(
  'Stable snake_case error code.\n' +
    Object.entries(ERROR_CODE_DESCRIPTIONS)
      .map(([code, text]) => `- ${code}: ${text}`)
      .join('\n'),
);

export const syncErrorSchema = z.strictObject({
  code: errorCodeSchema,
  message: z
    .string()
    .describe('Human-readable explanation; may change between versions, unlike the code'),
  details: z
    .unknown()
    .optional()
    .describe('validation: [{path, message}]; rate_limited: {retryAfterMs}'),
});

export const operationSchema = z.enum(['create', 'update', 'delete']);

export const mutationSchema = z.strictObject({
  mutationId: idSchema.describe('UUID per mutation; re-sending the same mutation is harmless'),
  modelName: z.string().describe('The synced entity, e.g. transactions'),
  operation: operationSchema,
  data: z
    .looseObject({ id: idSchema })
    .describe(
      'create: id and every required field; update: id and the changed fields; delete: only id. ' +
        'System fields (tenantId, createdAt, updatedAt, deletedAt, fieldClocks) and unknown fields are rejected.',
    ),
  hlc: hlcSchema,
});

/** Columns every synced row carries besides its own fields. */
export const recordMetaShape = {
  id: idSchema,
  tenantId: z.guid().optional().describe('Set by the server from the token, never from input'),
  createdAt: z.string().nullable().describe('Server ISO time of first insert (not an HLC)'),
  updatedAt: hlcSchema.describe('HLC of the newest applied change'),
  deletedAt: hlcSchema
    .nullable()
    .describe('null, or the HLC of the delete: the row is a tombstone'),
  fieldClocks: z
    .record(z.string(), hlcSchema)
    .describe('Field name → HLC of its last applied write; {} for tombstones'),
};

export const recordMetaSchema = z.strictObject(recordMetaShape);

export const syncRecordSchema = z
  .looseObject(recordMetaShape)
  .describe(
    'A full synced row: the common columns plus the entity fields (absent optional fields are null)',
  );

const mutationStatusSchema = z
  .enum(['applied', 'stale', 'rejected'])
  .describe(
    'applied: at least one field took the mutation clock; stale: none did (record is the current row); ' +
      'rejected: invalid, see error (record is the current row when it exists)',
  );

export const mutationResultSchema = z.strictObject({
  mutationId: z.string().describe('The mutationId sent (empty when the mutation had none)'),
  status: mutationStatusSchema,
  error: syncErrorSchema.optional(),
  record: syncRecordSchema.optional(),
});

export const pushRequestSchema = z
  .object({
    mutations: z
      .array(mutationSchema)
      .max(SyncLimits.maxBatchMutations)
      .describe(
        `At most ${SyncLimits.maxBatchMutations} mutations and ${SyncLimits.maxBatchBytes} bytes of JSON ` +
          `({mutations}, UTF-8) per batch, applied in order in one transaction. A larger batch is refused whole ` +
          '(batch_too_large); a body without this list is refused whole (validation); an invalid entry is one ' +
          'rejected result, the others still apply.',
      ),
  })
  .describe('Other keys are ignored');

export const pushAckSchema = z.strictObject({
  results: z.array(mutationResultSchema).describe('One result per mutation, in mutation order'),
  fromCursor: cursorSchema.describe(
    'Feed position before this batch; a client at this cursor may move to `cursor`',
  ),
  cursor: cursorSchema.describe(
    'Feed position after this batch; equals fromCursor when nothing was applied',
  ),
  serverTime: serverTimeSchema,
});

export const errorAckSchema = z.strictObject({ error: syncErrorSchema });

export const pullRequestSchema = z
  .object({
    cursor: cursorSchema
      .nullable()
      .default(null)
      .describe(
        'null or left out = initial load from the beginning; else a cursor the server returned',
      ),
    limit: z
      .number({ error: 'limit must be a number' })
      .optional()
      .describe(
        `Changes per page: default ${SyncLimits.defaultPullLimit}; any number is rounded down and clamped to ` +
          `1..${SyncLimits.maxPullLimit}. Anything but a number is refused (validation).`,
      ),
  })
  .describe('Other keys are ignored. The payload may be left out altogether (an initial load).');

export const changeSchema = z.strictObject({
  modelName: z.string(),
  record: syncRecordSchema,
});

export const pullPageSchema = z.strictObject({
  changes: z
    .array(changeSchema)
    .describe('In feed order across all entities, each row at most once, tombstones included'),
  cursor: cursorSchema.describe(
    'Position of the last returned change (the given cursor when the page is empty)',
  ),
  hasMore: z.boolean().describe('Pull again with `cursor` while true'),
  serverTime: serverTimeSchema,
  total: z
    .int()
    .nonnegative()
    .optional()
    .describe(
      'Only for cursor null: how many changes the complete initial load returns (for a progress bar)',
    ),
});

export const changesBroadcastSchema = z.strictObject({
  changes: z.array(changeSchema),
  fromCursor: cursorSchema.describe('Apply only if this equals your cursor; otherwise pull'),
  cursor: cursorSchema.describe('Your new cursor after applying'),
});

/** Socket.IO handshake `auth` of the /sync namespace. */
export const handshakeAuthSchema = z
  .object({
    token: z.string().describe('Access token (JWT) from /api/auth/signup, login, refresh or join'),
    clientId: z
      .string()
      .optional()
      .describe(
        'Optional stable id of this device. The server keeps its first 100 characters with the connection ' +
          'and ignores a value that is not a string; it never affects what is synced.',
      ),
  })
  .describe('Other keys are ignored');

/** The data of the Socket.IO CONNECT packet the server answers an accepted handshake with. */
export const connectedSchema = z
  .strictObject({
    sid: z.string().describe('Socket.IO id of this connection (socket.id on the client)'),
  })
  .describe(
    'Handshake accepted: the socket joined its household room; socket.io clients emit "connect"',
  );

/** What socket.io clients see as `connect_error` when the handshake is refused. */
export const connectErrorSchema = z.strictObject({
  message: z
    .enum([ErrorCodes.unauthorized, ErrorCodes.forbidden, ErrorCodes.internal])
    .describe(
      'unauthorized: missing, forged or expired token (refresh and connect again); forbidden: the ' +
        "token's user is not a member of its household (do not refresh: stop syncing it); internal: " +
        'the server could not check the membership (connect again later, with backoff)',
    ),
});
