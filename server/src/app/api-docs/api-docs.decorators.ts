import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import { schemaRef } from './schema-names';

/**
 * Swagger decorators that point at the generated component schemas (see api-schemas.ts)
 * instead of inlining a copy of a body into every operation.
 */

/** A JSON request body described by a named component schema. */
export const ApiJsonBody = (schemaName: string, description?: string) =>
  ApiBody({ schema: schemaRef(schemaName), ...(description ? { description } : {}) });

/** A JSON response described by a named component schema. */
export const ApiJsonResponse = (status: number, schemaName: string, description: string) =>
  ApiResponse({ status, description, schema: schemaRef(schemaName) });

/**
 * Route-specific error responses, all with the `HttpError` body. Errors every route can give
 * (401, 403 origin, 413, 429, 500) are added to every operation by openapi-document.ts.
 */
export const ApiErrors = (errors: Readonly<Record<number, string>>) =>
  applyDecorators(
    ...Object.entries(errors).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, schema: schemaRef('HttpError') }),
    ),
  );
