import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Res, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { SyncedEntityDefinition } from '@finwise/domain';
import type { AnyRecord } from '@finwise/sync-protocol';
import { Auth } from '../auth/auth-context';
import type { AccessClaims } from '../auth/token.service';
import { EntityRestService, type ListQuery } from './entity-rest.service';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

/**
 * Builds the REST controller of one synced entity: list/get/create/patch/delete at
 * `/api/<modelName>`. An entity's controller is a one-line subclass of this.
 */
export function SyncedEntityController(definition: SyncedEntityDefinition): Type<object> {
  const name = definition.modelName;
  const label = definition.label.toLowerCase();
  const recordSchema = {
    allOf: [
      json(definition.createSchema),
      {
        type: 'object',
        properties: {
          tenantId: { type: 'string', format: 'uuid' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', description: 'HLC of the newest applied change' },
          deletedAt: { type: 'string', nullable: true, description: 'HLC of the delete (tombstone) or null' },
          fieldClocks: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    ],
  };

  @ApiTags(name)
  @ApiBearerAuth()
  @Controller(name)
  class SyncedEntityRestController {
    constructor(readonly rest: EntityRestService) {}

    @Get()
    @ApiOperation({ summary: `List ${label} rows (keyset pages by id)` })
    @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 100' })
    @ApiQuery({ name: 'after', required: false, description: '`next` of the previous page' })
    @ApiQuery({ name: 'includeDeleted', required: false, description: 'true to include tombstones' })
    @ApiOkResponse({ schema: { type: 'object', properties: { items: { type: 'array', items: recordSchema }, next: { type: 'string', nullable: true } } } })
    list(@Auth() auth: AccessClaims, @Query() query: ListQuery) {
      return this.rest.list(auth.tenantId, name, query);
    }

    @Get(':id')
    @ApiOperation({ summary: `Get one ${label}; 404 when unknown or deleted` })
    @ApiOkResponse({ schema: recordSchema })
    get(@Auth() auth: AccessClaims, @Param('id') id: string): Promise<AnyRecord> {
      return this.rest.get(auth.tenantId, name, id);
    }

    @Post()
    @ApiOperation({ summary: `Create a ${label} (201), or merge into an existing id (200)` })
    @ApiBody({ schema: json(definition.createSchema.partial({ id: true })) })
    async create(@Auth() auth: AccessClaims, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
      const { status, record } = await this.rest.create(auth.tenantId, name, body);
      response.status(status);
      return record;
    }

    @Patch(':id')
    @ApiOperation({ summary: `Change some fields of a ${label}` })
    @ApiBody({ schema: json(definition.patchSchema.omit({ id: true })) })
    @ApiOkResponse({ schema: recordSchema })
    patch(@Auth() auth: AccessClaims, @Param('id') id: string, @Body() body: unknown): Promise<AnyRecord> {
      return this.rest.patch(auth.tenantId, name, id, body);
    }

    @Delete(':id')
    @ApiOperation({ summary: `Delete a ${label}; returns the tombstone` })
    @ApiOkResponse({ schema: recordSchema })
    remove(@Auth() auth: AccessClaims, @Param('id') id: string): Promise<AnyRecord> {
      return this.rest.remove(auth.tenantId, name, id);
    }
  }
  Object.defineProperty(SyncedEntityRestController, 'name', { value: `${definition.label.replace(/\s+/g, '')}RestController` });
  return SyncedEntityRestController;
}
