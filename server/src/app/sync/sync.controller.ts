import { Body, Controller, Get, HttpCode, HttpException, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  isErrorAck,
  SyncLimits,
  type ErrorAck,
  type PullPage,
  type PushAck,
} from '@finwise/sync-protocol';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../api-docs/api-docs.decorators';
import { Auth, type AccessClaims } from '../common/auth-context';
import { PullService } from './pull/pull.service';
import { PushService } from './push/push.service';

/** HTTP twins of `sync:push` and `sync:pull`, with the same bodies and results. */
@ApiTags('sync')
@ApiBearerAuth()
@Controller('sync')
export class SyncController {
  constructor(
    private readonly pushes: PushService,
    private readonly pulls: PullService,
  ) {}

  @Post('push')
  @HttpCode(200)
  @ApiOperation({ summary: 'Push a batch of mutations (same as the sync:push socket event)' })
  @ApiJsonBody('PushRequest')
  @ApiJsonResponse(200, 'PushAck', 'One result per mutation (applied, stale or rejected), in order')
  @ApiErrors({
    400: 'Not {mutations: [...]} (details.code validation)',
    403: 'The household of the token does not exist (details.code forbidden)',
    413: 'Over 500 mutations or 256 KB of JSON (details.code batch_too_large): split and resend',
  })
  async push(@Auth() auth: AccessClaims, @Body() body: unknown): Promise<PushAck> {
    return orThrow(await this.pushes.push(auth.tenantId, body, { userId: auth.userId }));
  }

  @Get('pull')
  @ApiOperation({ summary: 'Pull a page of changes after a cursor (same as sync:pull)' })
  @ApiQuery({
    name: 'cursor',
    required: false,
    description: 'omit for the initial load',
    schema: { type: 'string' },
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    description:
      `A decimal number: rounded down and clamped to 1..${SyncLimits.maxPullLimit}, ` +
      `default ${SyncLimits.defaultPullLimit}. Anything else is a 400.`,
    schema: { type: 'number' },
  })
  @ApiJsonResponse(200, 'PullPage', 'A page of changes in feed order')
  @ApiErrors({
    400: 'Malformed cursor, or a limit that is not a number (details.code validation)',
    403: 'The household of the token does not exist (details.code forbidden)',
    409: 'Cursor no longer served (details.code resync_required): clear local data and pull without cursor',
  })
  async pull(
    @Auth() auth: AccessClaims,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ): Promise<PullPage> {
    const body: Record<string, unknown> = {
      cursor: cursor === undefined || cursor === '' ? null : cursor,
    };
    // Query strings are text: a decimal number becomes a number and is then clamped exactly as on
    // the socket; anything else stays text and is refused by the same schema check.
    if (limit !== undefined && limit !== '')
      body['limit'] = DECIMAL.test(limit) ? Number(limit) : limit;
    return orThrow(await this.pulls.pull(auth.tenantId, body));
  }
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const STATUS_OF_CODE: Record<string, number> = {
  validation: 400,
  batch_too_large: 413,
  resync_required: 409,
  forbidden: 403,
  unauthorized: 401,
  rate_limited: 429,
};

/** Over HTTP a refused request is an HTTP error; the protocol code travels in `details.code`. */
function orThrow<T extends object>(response: T | ErrorAck): T {
  if (!isErrorAck(response)) return response;
  const { code, message } = response.error;
  throw new HttpException({ message, details: { code } }, STATUS_OF_CODE[code] ?? 500);
}
