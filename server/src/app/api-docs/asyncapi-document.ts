import { SYNCED_ENTITIES, type SyncedEntityDefinition } from '@finwise/domain';
import {
  ERROR_CODE_DESCRIPTIONS,
  SYNC_NAMESPACE,
  SyncEvents,
  SyncLimits,
} from '@finwise/sync-protocol';
import { apiJsonSchemas, type JsonSchema } from './api-schemas';
import {
  changesExample,
  errorAckExamples,
  initialPullExample,
  nextPullExample,
  pullPageExample,
  pushAckExample,
  pushRequestExample,
  rejectedAckExample,
  staleAckExample,
} from './asyncapi-examples';
import { schemaRef } from './schema-names';

/** The parts of an AsyncAPI 3.0 document this builder writes; the rest of the spec is not used. */
export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  id: string;
  info: { title: string; version: string; description: string };
  defaultContentType: string;
  servers: Record<string, JsonSchema>;
  channels: Record<string, JsonSchema>;
  operations: Record<string, JsonSchema>;
  components: {
    schemas: Record<string, JsonSchema>;
    messages: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
  'x-finwise-limits': typeof SyncLimits;
}

const CHANNEL = 'sync';
const channelRef = { $ref: `#/channels/${CHANNEL}` };
const messageRef = (name: string) => ({ $ref: `#/channels/${CHANNEL}/messages/${name}` });

/**
 * Builds the AsyncAPI 3.0 description of the Socket.IO namespace /sync from the protocol's zod
 * schemas and the entity registry. Served at /api/asyncapi.json and written to docs/asyncapi.json.
 */
export function buildAsyncApiDocument(
  entities: readonly SyncedEntityDefinition[] = SYNCED_ENTITIES,
): AsyncApiDocument {
  const messages: Record<string, JsonSchema> = {
    handshake: {
      name: 'connect',
      title: 'Handshake',
      summary: 'Socket.IO CONNECT to namespace /sync with the access token in `auth`',
      description:
        "`io(origin + '/sync', { auth: { token, clientId }, transports: ['websocket'] })`. The household comes " +
        "only from the verified token; the socket joins that household's room.",
      payload: schemaRef('HandshakeAuth'),
      examples: [
        { name: 'handshake', payload: { token: '<accessToken>', clientId: 'laptop-7f3a' } },
      ],
    },
    connected: {
      name: 'connect',
      title: 'Handshake accepted',
      summary: 'A valid token: the socket is connected and has joined its household room',
      description:
        'socket.io clients emit "connect" (socket.id is the sid). Push and pull may start at once; live changes ' +
        'of the household arrive as sync:changes from now on, so pull from your cursor to catch up first.',
      payload: schemaRef('Connected'),
      examples: [{ name: 'connected', payload: { sid: 'Zk2yX9c1aB3dE5fGAAAB' } }],
    },
    connectError: {
      name: 'connect_error',
      title: 'Handshake refused',
      summary:
        'A missing, forged or expired token: the client sees connect_error with message "unauthorized"; ' +
        'a valid token of a user who is no longer a member of its household: message "forbidden"',
      payload: schemaRef('ConnectError'),
      examples: [
        { name: 'unauthorized', payload: { message: 'unauthorized' } },
        { name: 'forbidden', payload: { message: 'forbidden' } },
      ],
    },
    push: {
      name: SyncEvents.push,
      title: 'Push mutations',
      summary:
        `Up to ${SyncLimits.maxBatchMutations} mutations / ${SyncLimits.maxBatchBytes} ` +
        'bytes, applied in order in one transaction',
      payload: schemaRef('PushRequest'),
      examples: [{ name: 'createAccount', payload: pushRequestExample }],
    },
    pushAck: {
      name: `${SyncEvents.push} ack`,
      title: 'Push acknowledgement',
      summary: 'One result per mutation; fromCursor/cursor bound the batch in the change feed',
      payload: schemaRef('PushAck'),
      examples: [
        { name: 'applied', payload: pushAckExample },
        {
          name: 'stale',
          summary: 'Re-sent mutation: nothing changed, the current row comes back',
          payload: staleAckExample,
        },
        {
          name: 'rejected',
          summary: 'Invalid data: rejected with the current row',
          payload: rejectedAckExample,
        },
      ],
    },
    pull: {
      name: SyncEvents.pull,
      title: 'Pull changes',
      summary: 'A page of the change feed after a cursor (null = initial load)',
      payload: schemaRef('PullRequest'),
      examples: [
        { name: 'initialLoad', payload: initialPullExample },
        { name: 'catchUp', payload: nextPullExample },
      ],
    },
    pullAck: {
      name: `${SyncEvents.pull} ack`,
      title: 'Pull page',
      payload: schemaRef('PullPage'),
      examples: [{ name: 'firstPage', payload: pullPageExample }],
    },
    errorAck: {
      name: 'error ack',
      title: 'Request refused whole',
      summary: 'The acknowledgement of a push or pull that was not carried out at all',
      payload: schemaRef('ErrorAck'),
      examples: errorAckExamples,
    },
    changes: {
      name: SyncEvents.changes,
      title: 'Live changes',
      summary: "After each commit, to the household's other sockets (never the sender)",
      description:
        'Apply it when fromCursor equals your cursor, then take its cursor; otherwise pull. ' +
        'Pull is the source of truth.',
      payload: schemaRef('ChangesBroadcast'),
      examples: [{ name: 'renamedAccount', payload: changesExample }],
    },
  };
  for (const message of Object.values(messages)) message['contentType'] = 'application/json';

  return {
    asyncapi: '3.0.0',
    id: 'urn:finwise:sync',
    info: {
      title: 'FinWise Sync — socket protocol',
      version: '1.0.0',
      description: describeProtocol(entities),
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:3000',
        protocol: 'ws',
        pathname: '/socket.io/',
        title: 'npm start',
        description:
          'Socket.IO 4 (Engine.IO protocol 4) over the websocket transport, served by the same process as /api. ' +
          `Frames larger than ${SyncLimits.maxFrameBytes} bytes close the connection and nothing of them is applied.`,
        security: [{ $ref: '#/components/securitySchemes/accessToken' }],
      },
    },
    channels: {
      [CHANNEL]: {
        address: SYNC_NAMESPACE,
        title: 'Socket.IO namespace /sync',
        description:
          'Requests are Socket.IO events with an acknowledgement callback (`emitWithAck`): the reply of an ' +
          'operation is the ack. The server disconnects a socket when its access token expires (reason ' +
          '"io server disconnect"): refresh the token and connect again; keep the outbox. A call that was in ' +
          'flight then has no ack: it was not applied, and re-sending it is harmless.',
        servers: [{ $ref: '#/servers/local' }],
        messages: Object.fromEntries(
          Object.keys(messages).map((name) => [name, { $ref: `#/components/messages/${name}` }]),
        ),
      },
    },
    operations: {
      connect: {
        action: 'send',
        channel: channelRef,
        title: 'Connect',
        summary:
          'Open the socket with an access token: connect on success, connect_error "unauthorized" otherwise',
        description:
          'A valid access token is answered with the Socket.IO CONNECT packet (the client emits "connect"); a ' +
          'missing, forged or expired one with connect_error message "unauthorized" (refresh the token and connect ' +
          'again); the token of a user who was removed from (or left) its household with connect_error message ' +
          '"forbidden" (do not refresh: stop syncing that household). The connection lives no longer than its ' +
          "token, and a removed member's sockets are disconnected at once.",
        messages: [messageRef('handshake')],
        reply: {
          channel: channelRef,
          messages: [messageRef('connected'), messageRef('connectError')],
        },
      },
      push: {
        action: 'send',
        channel: channelRef,
        title: SyncEvents.push,
        summary: 'Send mutations; merged per field by HLC (last writer wins)',
        description:
          "Results are applied, stale or rejected per mutation. A client whose cursor equals the ack's fromCursor " +
          'may move to its cursor; otherwise it pulls. A batch refused whole (batch_too_large, validation, ' +
          'forbidden for a household that no longer exists, rate_limited, internal) is acked with an ErrorAck. ' +
          'A push sent after the token expired is acked with ErrorAck unauthorized, then the socket is closed ' +
          '("io server disconnect"); nothing was applied: refresh, reconnect and send it again.',
        messages: [messageRef('push')],
        reply: { channel: channelRef, messages: [messageRef('pushAck'), messageRef('errorAck')] },
      },
      pull: {
        action: 'send',
        channel: channelRef,
        title: SyncEvents.pull,
        summary: 'Read the change feed after a cursor, page by page',
        description:
          `limit defaults to ${SyncLimits.defaultPullLimit}; any number is rounded down and ` +
          `clamped to 1..${SyncLimits.maxPullLimit}, ` +
          'anything else is refused (validation). Pull again with the returned cursor while hasMore. Refused with ' +
          'an ErrorAck: validation, resync_required, forbidden, rate_limited, internal. Like a push, a pull sent ' +
          'after the token expired is acked with ErrorAck unauthorized and the socket is closed.',
        messages: [messageRef('pull')],
        reply: { channel: channelRef, messages: [messageRef('pullAck'), messageRef('errorAck')] },
      },
      receiveChanges: {
        action: 'receive',
        channel: channelRef,
        title: SyncEvents.changes,
        summary: "Other devices' committed changes, live",
        messages: [messageRef('changes')],
      },
    },
    components: {
      schemas: apiJsonSchemas('draft-7', entities),
      messages,
      securitySchemes: {
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The access token from POST /api/auth/signup, login, refresh or join, sent in the Socket.IO handshake ' +
            'as `auth.token` (not as an HTTP header).',
        },
      },
    },
    'x-finwise-limits': SyncLimits,
  };
}

function describeProtocol(entities: readonly SyncedEntityDefinition[]): string {
  const codes = Object.entries(ERROR_CODE_DESCRIPTIONS)
    .map(([code, text]) => `| \`${code}\` | ${text} |`)
    .join('\n');
  return [
    "Real-time, offline-first sync of a household's data over Socket.IO. Every write is a mutation merged per field ",
    'by hybrid logical clock (last writer wins); every household has a gap-free change feed ' +
      'read with an opaque cursor.',
    '',
    `Synced entities (modelName): ${entities.map((e) => `\`${e.modelName}\``).join(', ')}.`,
    '',
    `Limits: ${SyncLimits.maxBatchMutations} mutations and ${SyncLimits.maxBatchBytes} bytes of JSON per push; ` +
      `pull pages of 1..${SyncLimits.maxPullLimit} (default ${SyncLimits.defaultPullLimit}); ` +
      `HLCs at most ${SyncLimits.maxClockSkewMs / 60_000} minutes ahead of the server.`,
    '',
    '| error code | meaning |',
    '|---|---|',
    codes,
    '',
    'The same calls exist over HTTP (POST /api/sync/push, GET /api/sync/pull); see /api/docs-json.',
  ].join('\n');
}
