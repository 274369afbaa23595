import SwaggerParser from '@apidevtools/swagger-parser';
import { accounts, SYNCED_ENTITIES } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';
import { namedApiSchemas } from './api-schemas';
import { buildAsyncApiDocument } from './asyncapi-document';
import { COMPONENT_SCHEMAS_PATH, entitySchemaNames } from './schema-names';

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
const ref = (name: string) => ({ $ref: `${COMPONENT_SCHEMAS_PATH}${name}` });
const jsonSchemaOf = (body: Json | undefined) =>
  body?.['content']?.['application/json']?.['schema'];

describe('API documents served by the app', () => {
  let server: TestServer;
  let openapi: Json;

  beforeAll(async () => {
    server = await startTestServer(testDatabaseKinds().at(-1)!);
    const response = await server.request('GET', '/docs-json');
    expect(response.status).toBe(200);
    openapi = response.body;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves a valid OpenAPI document at /api/docs-json and the Swagger UI at /api/docs', async () => {
    // The validator dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(openapi) as never)).resolves.toBeDefined();
    expect(openapi['openapi']).toMatch(/^3\.0\./);
    const ui = await fetch(`${server.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('documents every entity with named record, body and page schemas', () => {
    for (const entity of SYNCED_ENTITIES) {
      const names = entitySchemaNames(entity);
      for (const name of Object.values(names))
        expect(Object.keys(openapi['components']['schemas'])).toContain(name);
      const collection = openapi['paths'][`/api/${entity.modelName}`];
      const item = openapi['paths'][`/api/${entity.modelName}/{id}`];
      expect(jsonSchemaOf(collection['get']['responses']['200'])).toEqual(ref(names.page));
      expect(jsonSchemaOf(collection['post']['requestBody'])).toEqual(ref(names.createBody));
      expect(jsonSchemaOf(collection['post']['responses']['201'])).toEqual(ref(names.record));
      expect(jsonSchemaOf(item['patch']['requestBody'])).toEqual(ref(names.patchBody));
      expect(jsonSchemaOf(item['delete']['responses']['404'])).toEqual(ref('HttpError'));
      expect(Boolean(item['delete']['responses']['400'])).toBe(!entity.deletable);
    }
  });

  it('documents auth, households, health and the sync twins with their bodies', () => {
    const paths = openapi['paths'];
    expect(jsonSchemaOf(paths['/api/auth/signup']['post']['requestBody'])).toEqual(
      ref('SignupRequest'),
    );
    expect(jsonSchemaOf(paths['/api/auth/signup']['post']['responses']['201'])).toEqual(
      ref('Session'),
    );
    expect(paths['/api/auth/signup']['post']['responses']['409']).toBeDefined();
    expect(jsonSchemaOf(paths['/api/auth/login']['post']['responses']['200'])).toEqual(
      ref('Session'),
    );
    expect(paths['/api/auth/login']['post']['responses']['401']).toBeDefined();
    expect(jsonSchemaOf(paths['/api/tenants/{id}/invites']['post']['responses']['201'])).toEqual(
      ref('Invite'),
    );
    expect(jsonSchemaOf(paths['/api/health']['get']['responses']['200'])).toEqual(ref('Health'));
    expect(jsonSchemaOf(paths['/api/sync/push']['post']['requestBody'])).toEqual(
      ref('PushRequest'),
    );
    expect(jsonSchemaOf(paths['/api/sync/push']['post']['responses']['200'])).toEqual(
      ref('PushAck'),
    );
    expect(jsonSchemaOf(paths['/api/sync/push']['post']['responses']['413'])).toEqual(
      ref('HttpError'),
    );
    expect(jsonSchemaOf(paths['/api/sync/pull']['get']['responses']['200'])).toEqual(
      ref('PullPage'),
    );
    expect(paths['/api/sync/pull']['get']['responses']['409']).toBeDefined();
    expect(openapi['components']['schemas']['HttpError']['required']).toEqual([
      'statusCode',
      'error',
      'message',
    ]);
  });

  it('gives every operation the HttpError body for its errors, and 401 wherever a token is needed', () => {
    for (const [path, item] of Object.entries<Json>(openapi['paths'])) {
      for (const method of METHODS.filter((m) => item[m])) {
        const operation = item[method];
        const errors = Object.entries<Json>(operation['responses']).filter(
          ([status]) => Number(status) >= 400,
        );
        expect({ path, method, statuses: errors.map(([s]) => s) }).toEqual({
          path,
          method,
          statuses: expect.arrayContaining(['403', '429', '500']),
        });
        for (const [status, response] of errors)
          expect({ path, method, status, schema: jsonSchemaOf(response) }).toEqual({
            path,
            method,
            status,
            schema: ref('HttpError'),
          });
        if ((operation['security'] ?? []).length > 0)
          expect({ path, method, has401: Boolean(operation['responses']['401']) }).toEqual({
            path,
            method,
            has401: true,
          });
      }
    }
  });

  it('describes what the server really sends, field for field', async () => {
    const named = namedApiSchemas();
    const expectShape = (schemaName: string, body: unknown) => {
      const result = named.get(schemaName)!.safeParse(body);
      expect({ schemaName, issues: result.error?.issues ?? [] }).toEqual({
        schemaName,
        issues: [],
      });
    };
    const session = await server.signup();
    expectShape('Session', session);
    const token = session.accessToken;
    expectShape('Me', (await server.request('GET', '/auth/me', { token })).body);
    expectShape(
      'Invite',
      (await server.request('POST', `/tenants/${session.tenant.id}/invites`, { token })).body,
    );
    expectShape('Health', (await server.request('GET', '/health')).body);

    const created = await server.request('POST', '/accounts', {
      token,
      body: sampleData(accounts, 1, { note: null }),
    });
    expectShape('AccountRecord', created.body);
    expectShape('AccountPage', (await server.request('GET', '/accounts', { token })).body);
    const tombstone = await server.request('DELETE', `/accounts/${created.body.id}`, { token });
    expectShape('AccountRecord', tombstone.body);
    expectShape(
      'HttpError',
      (await server.request('GET', `/accounts/${created.body.id}`, { token })).body,
    );
    expectShape(
      'HttpError',
      (await server.request('POST', '/accounts', { token, body: { name: 7 } })).body,
    );

    const client = await TestSyncClient.connected(server.url, token);
    const listener = await TestSyncClient.connected(server.url, token);
    try {
      const ack = await client.push([
        client.mutation('accounts', 'create', sampleData(accounts, 2)),
        client.mutation('no_such_model', 'create', { id: created.body.id }),
      ]);
      expectShape('PushAck', ack);
      await listener.waitFor(() => listener.broadcasts.length > 0, 5000, 'a broadcast');
      expectShape('ChangesBroadcast', listener.broadcasts[0]);
      expectShape('PullPage', await client.pull(null));
      expectShape('ErrorAck', await client.pull('garbage'));
    } finally {
      client.disconnect();
      listener.disconnect();
    }
  });

  it('serves the AsyncAPI document publicly at /api/asyncapi.json', async () => {
    const response = await server.request('GET', '/asyncapi.json');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
  });
});
