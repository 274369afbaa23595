import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Post,
  Query,
  Res,
  type Type,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SyncedEntityDefinition } from '@finwise/domain';
import { HistoryLimits, RestLimits, type AnyRecord, type RowHistory } from '@finwise/sync-protocol';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../../api-docs/api-docs.decorators';
import { entitySchemaNames } from '../../api-docs/schema-names';
import { Auth, type AccessClaims } from '../../common/auth-context';
import { RowHistoryService } from '../history/row-history.service';
import { EntityRestService, type ListQuery } from './entity-rest.service';

/**
 * Builds the REST controller of one synced entity: list/get/create/patch/delete at
 * `/api/<modelName>`. An entity's controller is a one-line subclass of this.
 */
export function SyncedEntityController(definition: SyncedEntityDefinition): Type<object> {
  const name = definition.modelName;
  const label = definition.label.toLowerCase();
  const schemas = entitySchemaNames(definition);
  const NOT_FOUND = `No live ${label} with this id in your household (an id that is not a UUID names no row either)`;
  const NO_ROW = `No ${label} with this id in your household, live or deleted (an id that is not a UUID names no row either)`;
  const WRITE_FORBIDDEN = 'The household of the token does not exist (any more)';

  @ApiTags(name)
  @ApiBearerAuth()
  @Controller(name)
  class SyncedEntityRestController {
    constructor(
      readonly rest: EntityRestService,
      readonly rowHistory: RowHistoryService,
    ) {}

    @Get()
    @ApiOperation({ summary: `List ${label} rows (keyset pages by id)` })
    @ApiQuery({
      name: 'limit',
      required: false,
      description:
        `An integer 1..${RestLimits.maxListLimit}, default ` +
        `${RestLimits.defaultListLimit}; anything else is a 400`,
      schema: {
        type: 'integer',
        minimum: 1,
        maximum: RestLimits.maxListLimit,
        default: RestLimits.defaultListLimit,
      },
    })
    @ApiQuery({
      name: 'after',
      required: false,
      description: '`next` of the previous page',
      schema: { type: 'string', format: 'uuid' },
    })
    @ApiQuery({
      name: 'includeDeleted',
      required: false,
      description: 'true to include tombstones',
      schema: { type: 'string', enum: ['true', 'false'] },
    })
    @ApiJsonResponse(200, schemas.page, 'A page of rows ordered by id')
    @ApiErrors({ 400: 'limit, after or includeDeleted is malformed' })
    list(@Auth() auth: AccessClaims, @Query() query: ListQuery) {
      return this.rest.list(auth.tenantId, name, query);
    }

    @Get(':id')
    @ApiOperation({ summary: `Get one ${label}; 404 when unknown or deleted` })
    @ApiJsonResponse(200, schemas.record, `The ${label}`)
    @ApiErrors({ 404: NOT_FOUND })
    get(@Auth() auth: AccessClaims, @Param('id') id: string): Promise<AnyRecord> {
      return this.rest.get(auth.tenantId, name, id);
    }

    @Get(':id/history')
    @ApiOperation({
      summary: `Who changed a ${label}, when, on which device, and what each change did`,
      description:
        'Every pushed or REST mutation of the row, newest first by server arrival: per field it ' +
        'carried, `applied` (with the value it replaced) or `lost` (its clock was older than the ' +
        "field's, so last-writer-wins dropped it); `concurrent` marks a change made without seeing " +
        'the value it replaced. A deleted row answers too, its delete included. Kept as long as ' +
        'tombstones (TOMBSTONE_RETENTION_DAYS).',
    })
    @ApiQuery({
      name: 'limit',
      required: false,
      description:
        `An integer 1..${HistoryLimits.maxLimit}, default ${HistoryLimits.defaultLimit}; ` +
        'anything else is a 400',
      schema: {
        type: 'integer',
        minimum: 1,
        maximum: HistoryLimits.maxLimit,
        default: HistoryLimits.defaultLimit,
      },
    })
    @ApiJsonResponse(200, 'RowHistory', `The recorded mutations of the ${label}, newest first`)
    @ApiErrors({ 400: `limit is not an integer 1..${HistoryLimits.maxLimit}`, 404: NO_ROW })
    history(
      @Auth() auth: AccessClaims,
      @Param('id') id: string,
      @Query('limit') limit?: unknown,
    ): Promise<RowHistory> {
      return this.rowHistory.ofRow(auth.tenantId, name, id, { limit });
    }

    @Post()
    @ApiOperation({ summary: `Create a ${label} (201), or merge into an existing id (200)` })
    @ApiJsonBody(schemas.createBody)
    @ApiJsonResponse(201, schemas.record, 'Inserted: the stored row')
    @ApiJsonResponse(200, schemas.record, 'The id existed: the data was merged into it')
    @ApiErrors({
      400: 'Invalid data (details lists each field)',
      403: WRITE_FORBIDDEN,
      409: 'The id belongs to a deleted row, which cannot be written again',
    })
    async create(
      @Auth() auth: AccessClaims,
      @Body() body: unknown,
      @Res({ passthrough: true }) response: Response,
    ) {
      const { status, record } = await this.rest.create(auth.tenantId, name, body, {
        userId: auth.userId,
      });
      response.status(status);
      return record;
    }

    @Patch(':id')
    @ApiOperation({ summary: `Change some fields of a ${label}` })
    @ApiJsonBody(schemas.patchBody)
    @ApiJsonResponse(200, schemas.record, 'The row after the change')
    @ApiErrors({
      400: 'Invalid data (details lists each field)',
      403: WRITE_FORBIDDEN,
      404: NOT_FOUND,
    })
    patch(
      @Auth() auth: AccessClaims,
      @Param('id') id: string,
      @Body() body: unknown,
    ): Promise<AnyRecord> {
      return this.rest.patch(auth.tenantId, name, id, body, { userId: auth.userId });
    }

    @Delete(':id')
    @ApiOperation({ summary: `Delete a ${label}; returns the tombstone` })
    @ApiJsonResponse(200, schemas.record, 'The tombstone (deletedAt set, fields null)')
    @ApiErrors(
      definition.deletable
        ? { 403: WRITE_FORBIDDEN, 404: NOT_FOUND }
        : {
            400: `${definition.modelName} cannot be deleted`,
            403: WRITE_FORBIDDEN,
            404: NOT_FOUND,
          },
    )
    remove(@Auth() auth: AccessClaims, @Param('id') id: string): Promise<AnyRecord> {
      return this.rest.remove(auth.tenantId, name, id, { userId: auth.userId });
    }
  }
  Object.defineProperty(SyncedEntityRestController, 'name', {
    value: `${definition.label.replace(/\s+/g, '')}RestController`,
  });
  return SyncedEntityRestController;
}
