import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SYNCED_ENTITIES, type SyncedEntityDefinition } from '@finwise/domain';
import { apiJsonSchemas } from './api-schemas';
import { addCommonErrorResponses } from './openapi-common-errors';

/**
 * The OpenAPI 3.0 document of the REST API: operations from the controllers' decorators,
 * named component schemas generated from the shared zod schemas, and the error responses
 * that every route shares. Served at /api/docs(-json) and written to docs/openapi.json.
 */
export function buildOpenApiDocument(
  app: INestApplication,
  entities: readonly SyncedEntityDefinition[] = SYNCED_ENTITIES,
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('FinWise Sync API')
    .setDescription(
      'REST API of FinWise Sync. Every write goes through the same per-field last-writer-wins merge, change feed ' +
        'and real-time broadcast as the Socket.IO sync protocol on namespace /sync, which is described by the ' +
        'AsyncAPI document at /api/asyncapi.json. Every error has the body `{statusCode, error, message, details?}`.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...apiJsonSchemas('openapi-3.0', entities) },
  };
  addCommonErrorResponses(document);
  return document;
}
