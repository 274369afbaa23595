import type { OpenAPIObject } from '@nestjs/swagger';
import { schemaRef } from './schema-names';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Errors any route can answer with, whatever its own logic (guards, body parser, throttler). */
const EVERY_ROUTE: Readonly<Record<number, string>> = {
  403: 'A browser request from an origin not listed in CORS_ORIGINS',
  429:
    'Too many requests from this address (HTTP_RATE_LIMIT per minute; ' +
    'AUTH_RATE_LIMIT for sign-up, login, refresh and join)',
  500: 'The server failed; retry later',
};
const WITH_TOKEN: Readonly<Record<number, string>> = {
  401: 'Missing, invalid or expired access token',
  403: "The token's user is no longer a member of its household (details.code is forbidden)",
};
const WITH_BODY: Readonly<Record<number, string>> = {
  400: 'The body is not valid JSON or does not match the schema (details lists each field)',
  413: 'The body is larger than 1 MB',
};

/** Adds the shared error responses to every operation, keeping any route-specific wording first. */
export function addCommonErrorResponses(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (!operation) continue;
      add(operation, EVERY_ROUTE);
      if (operation.security?.some((requirement) => 'bearer' in requirement))
        add(operation, WITH_TOKEN);
      if (operation.requestBody) add(operation, WITH_BODY);
    }
  }
}

function add(operation: Operation, errors: Readonly<Record<number, string>>): void {
  for (const [status, description] of Object.entries(errors)) {
    const existing = operation.responses[status];
    if (existing && 'description' in existing) {
      if (!existing.description.includes(description))
        existing.description = `${existing.description}; or: ${lowerFirst(description)}`;
      continue;
    }
    operation.responses[status] = {
      description,
      content: { 'application/json': { schema: schemaRef('HttpError') } },
    };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
