import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { AuthRateLimited } from '../rate-limits/auth-rate-limited.decorator';
import { Auth } from './auth-context';
import { joinSchema } from './auth.schemas';
import { AuthService, type Session } from './auth.service';
import type { AccessClaims } from './token.service';

@ApiTags('households')
@ApiBearerAuth()
@Controller('tenants')
export class TenantsController {
  constructor(private readonly auth: AuthService) {}

  @Post(':id/invites')
  @ApiOperation({ summary: 'Create a single-use invite code (valid 7 days) for your current household' })
  invite(@Auth() auth: AccessClaims, @Param('id', new ParseUUIDPipe()) tenantId: string) {
    return this.auth.createInvite(auth.userId, auth.tenantId, tenantId);
  }

  @Post('join')
  @AuthRateLimited()
  @HttpCode(200)
  @ApiOperation({ summary: 'Join a household with an invite code; returns tokens for that household' })
  @ApiBody({ schema: z.toJSONSchema(joinSchema) as Record<string, unknown> })
  join(@Auth() auth: AccessClaims, @Body(new ZodBodyPipe(joinSchema)) body: { code: string }): Promise<Session> {
    return this.auth.join(auth.userId, body.code);
  }
}
