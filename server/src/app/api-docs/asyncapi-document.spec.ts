import { Parser } from '@asyncapi/parser';
import { SYNCED_ENTITIES } from '@finwise/domain';
import { ErrorCodes, SYNC_NAMESPACE, SyncEvents } from '@finwise/sync-protocol';
import { namedApiSchemas } from './api-schemas';
import { buildAsyncApiDocument } from './asyncapi-document';
import { COMPONENT_SCHEMAS_PATH, entitySchemaNames } from './schema-names';

type Json = Record<string, any>;

describe('AsyncAPI document', () => {
  const document = buildAsyncApiDocument();

  it('is a valid AsyncAPI 3.0 document according to @asyncapi/parser', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const errors = diagnostics
      .filter((d) => d.severity === 0)
      .map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
    expect(errors).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
    expect(parsed?.channels().get('sync')?.address()).toBe(SYNC_NAMESPACE);
  }, 30_000);

  it('describes every socket event as a message with an operation', () => {
    const messageNames = Object.values(document.components.messages).map((m) => m['name']);
    for (const event of Object.values(SyncEvents)) expect(messageNames).toContain(event);
    expect(messageNames).toEqual(expect.arrayContaining(['connect', 'connect_error']));
    const operations = document.operations as Json;
    expect(operations['push']).toMatchObject({
      action: 'send',
      messages: [{ $ref: '#/channels/sync/messages/push' }],
    });
    expect(operations['push'].reply.messages).toEqual([
      { $ref: '#/channels/sync/messages/pushAck' },
      { $ref: '#/channels/sync/messages/errorAck' },
    ]);
    expect(operations['pull']).toMatchObject({
      action: 'send',
      messages: [{ $ref: '#/channels/sync/messages/pull' }],
    });
    expect(operations['receiveChanges']).toMatchObject({
      action: 'receive',
      messages: [{ $ref: '#/channels/sync/messages/changes' }],
    });
    expect(document.components.messages['handshake']['payload']).toEqual({
      $ref: `${COMPONENT_SCHEMAS_PATH}HandshakeAuth`,
    });
    // The handshake's reply is either outcome: connected, or refused with connect_error.
    expect(operations['connect'].reply.messages).toEqual([
      { $ref: '#/channels/sync/messages/connected' },
      { $ref: '#/channels/sync/messages/connectError' },
    ]);
    expect(document.components.messages['connected']['payload']).toEqual({
      $ref: `${COMPONENT_SCHEMAS_PATH}Connected`,
    });
    expect(document.components.securitySchemes['accessToken']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('lists every error code with a description', () => {
    const errorCode = document.components.schemas['ErrorCode'] as Json;
    expect([...errorCode['enum']].sort()).toEqual(Object.values(ErrorCodes).sort());
    for (const code of Object.values(ErrorCodes)) {
      expect(errorCode['description']).toContain(`- ${code}: `);
      expect(document.info.description).toContain(`| \`${code}\` |`);
    }
    expect((document.components.schemas['SyncError'] as Json)['properties']['code']).toEqual({
      $ref: `${COMPONENT_SCHEMAS_PATH}ErrorCode`,
    });
  });

  it('gives every modelName its own mutation, change and record schema', () => {
    const schemas = document.components.schemas as Record<string, Json>;
    const mutationRefs = schemas['Mutation']['oneOf'].map((s: Json) => s['$ref']);
    const changeRefs = schemas['Change']['oneOf'].map((s: Json) => s['$ref']);
    for (const entity of SYNCED_ENTITIES) {
      const names = entitySchemaNames(entity);
      expect(mutationRefs).toContain(`${COMPONENT_SCHEMAS_PATH}${names.mutation}`);
      expect(changeRefs).toContain(`${COMPONENT_SCHEMAS_PATH}${names.change}`);
      // One variant per allowed operation, each naming its entity.
      const variants = schemas[names.mutation]['oneOf'] as Json[];
      expect(variants.map((v) => v['properties']['operation']['const'])).toEqual(
        entity.deletable ? ['create', 'update', 'delete'] : ['create', 'update'],
      );
      for (const v of variants)
        expect(v['properties']['modelName']).toMatchObject({ const: entity.modelName });
      const record = schemas[names.record];
      expect(Object.keys(record['properties']).sort()).toEqual(
        [
          'id',
          'tenantId',
          'createdAt',
          'updatedAt',
          'deletedAt',
          'fieldClocks',
          ...entity.fieldNames,
        ].sort(),
      );
      expect(record['additionalProperties']).toBe(false);
    }
    expect(schemas['PushRequest']['properties']['mutations']).toMatchObject({
      maxItems: 500,
      items: { $ref: `${COMPONENT_SCHEMAS_PATH}Mutation` },
    });
  });

  it('only shows examples that the protocol schemas accept', () => {
    const named = namedApiSchemas();
    let checked = 0;
    for (const [key, message] of Object.entries(document.components.messages)) {
      const schemaName = String((message['payload'] as Json)['$ref']).replace(
        COMPONENT_SCHEMAS_PATH,
        '',
      );
      const schema = named.get(schemaName);
      expect({ key, schema: schema ? schemaName : undefined }).toEqual({ key, schema: schemaName });
      for (const example of (message['examples'] ?? []) as Json[]) {
        const result = schema!.safeParse(example['payload']);
        expect({ key, example: example['name'], issues: result.error?.issues ?? [] }).toEqual({
          key,
          example: example['name'],
          issues: [],
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('is deterministic, so the committed docs/asyncapi.json can be compared byte for byte', () => {
    expect(JSON.stringify(buildAsyncApiDocument())).toBe(JSON.stringify(document));
  });
});
