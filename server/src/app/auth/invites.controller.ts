import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { inviteCodeSchema } from '@finwise/domain';
import { ApiErrors, ApiJsonResponse } from '../api-docs/api-docs.decorators';
import { Public } from '../common/auth-context';
import { AuthRateLimited } from '../rate-limits/auth-rate-limited.decorator';
import { AuthService } from './auth.service';

const NOT_FOUND = 'This invite code is invalid, expired or already used';

/**
 * What an invite code leads to, before anyone redeems it: the sign-up and join pages say which
 * household the person joins. Public, since the person has no account yet; the stricter auth
 * budget bounds guessing codes through it.
 */
@ApiTags('households')
@Controller('invites')
export class InvitesController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Get(':code')
  @AuthRateLimited()
  @ApiOperation({
    summary: 'The household an invite code joins (codes compare case-insensitively)',
  })
  @ApiParam({ name: 'code', description: 'An invite code such as ABCD-EFGH-JKLM' })
  @ApiJsonResponse(200, 'InvitedHousehold', 'The name of the household the code joins')
  @ApiErrors({ 404: 'The invite code is unknown, expired or already used' })
  async household(@Param('code') code: string): Promise<{ tenantName: string }> {
    const parsed = inviteCodeSchema.safeParse(code);
    const found = parsed.success ? await this.auth.invitedHousehold(parsed.data) : null;
    if (!found) throw new NotFoundException(NOT_FOUND);
    return found;
  }
}
