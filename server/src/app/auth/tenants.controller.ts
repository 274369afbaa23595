import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../api-docs/api-docs.decorators';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { AuthRateLimited } from '../rate-limits/auth-rate-limited.decorator';
import { Auth, type AccessClaims } from '../common/auth-context';
import { joinRequestSchema } from '@finwise/domain';
import { AuthService, type Session } from './auth.service';

@ApiTags('households')
@ApiBearerAuth()
@Controller('tenants')
export class TenantsController {
  constructor(private readonly auth: AuthService) {}

  @Post(':id/invites')
  @ApiOperation({
    summary:
      'Create a single-use invite code (valid 7 days) for your current household; owners only',
  })
  @ApiJsonResponse(201, 'Invite', 'The invite code')
  @ApiErrors({
    400: 'The id is not a UUID',
    403: 'The id is not the household of your token, or you are not one of its owners',
  })
  invite(@Auth() auth: AccessClaims, @Param('id', ParseIdPipe) tenantId: string) {
    return this.auth.createInvite(auth.userId, auth.tenantId, tenantId);
  }

  @Post('join')
  @AuthRateLimited()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Join a household with an invite code; returns tokens for that household',
  })
  @ApiJsonBody('JoinRequest')
  @ApiJsonResponse(200, 'Session', 'A session for the joined household')
  @ApiErrors({ 400: 'The invite code is invalid, expired or already used' })
  join(
    @Auth() auth: AccessClaims,
    @Body(new ZodBodyPipe(joinRequestSchema)) body: { code: string },
  ): Promise<Session> {
    return this.auth.join(auth.userId, body.code);
  }
}
