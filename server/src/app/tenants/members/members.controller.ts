import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiJsonResponse } from '../../api-docs/api-docs.decorators';
import { Auth, type AccessClaims } from '../../common/auth-context';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { MembersService, type Member } from './members.service';

@ApiTags('households')
@ApiBearerAuth()
@Controller('tenants/:id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: 'The members of your current household with their roles' })
  @ApiJsonResponse(200, 'Members', 'Every member, owners first')
  @ApiErrors({ 400: 'The id is not a UUID', 403: 'The id is not the household of your token' })
  list(
    @Auth() auth: AccessClaims,
    @Param('id', ParseIdPipe) tenantId: string,
  ): Promise<{ items: Member[] }> {
    return this.members.list(auth, tenantId);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Remove a member (owners), or leave (your own userId). The member is disconnected at once, ' +
      'their refresh tokens for the household are revoked and their access tokens refused',
  })
  @ApiResponse({ status: 204, description: 'Removed (or left)' })
  @ApiErrors({
    400: 'The id or userId is not a UUID',
    403: 'The id is not the household of your token, or you are not an owner and userId is not you',
    404: 'userId is not a member of the household',
    409: 'The last owner cannot leave',
  })
  async remove(
    @Auth() auth: AccessClaims,
    @Param('id', ParseIdPipe) tenantId: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.members.remove(auth, tenantId, userId);
  }
}
