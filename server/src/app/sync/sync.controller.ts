import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { PullResponse, PushResponse } from '@finwise/sync-protocol';
import { Auth } from '../auth/auth-context';
import type { AccessClaims } from '../auth/token.service';
import { MergeService } from './merge.service';
import { PullService } from './pull.service';

/** HTTP twins of `sync:push` and `sync:pull`, with the same bodies and results. */
@ApiTags('sync')
@ApiBearerAuth()
@Controller('sync')
export class SyncController {
  constructor(
    private readonly merge: MergeService,
    private readonly pulls: PullService,
  ) {}

  @Post('push')
  @HttpCode(200)
  @ApiOperation({ summary: 'Push a batch of mutations (same as the sync:push socket event)' })
  push(@Auth() auth: AccessClaims, @Body() body: unknown): Promise<PushResponse> {
    return this.merge.push(auth.tenantId, body);
  }

  @Get('pull')
  @ApiOperation({ summary: 'Pull a page of changes after a cursor (same as sync:pull)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'omit for the initial load' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 500' })
  pull(@Auth() auth: AccessClaims, @Query('cursor') cursor?: string, @Query('limit') limit?: string): Promise<PullResponse> {
    const body: Record<string, unknown> = { cursor: cursor === undefined || cursor === '' ? null : cursor };
    if (limit !== undefined) body['limit'] = /^\d+$/.test(limit) ? Number(limit) : limit;
    return this.pulls.pull(auth.tenantId, body);
  }
}
