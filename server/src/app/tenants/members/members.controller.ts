import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { memberRoleRequestSchema, type MemberRoleRequest } from '@finwise/domain';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../../api-docs/api-docs.decorators';
import { Auth, type AccessClaims } from '../../common/auth-context';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
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

  @Patch(':userId')
  @ApiOperation({
    summary:
      "Change a member's role (owners). Making another member an owner lets the last owner leave",
  })
  @ApiJsonBody('MemberRoleRequest')
  @ApiJsonResponse(200, 'Member', 'The member with the new role')
  @ApiErrors({
    400: 'The id or userId is not a UUID, or the role is not owner or member',
    403: 'The id is not the household of your token, or you are not an owner',
    404: 'userId is not a member of the household',
    409: 'The last owner cannot become a member',
  })
  setRole(
    @Auth() auth: AccessClaims,
    @Param('id', ParseIdPipe) tenantId: string,
    @Param('userId', ParseIdPipe) userId: string,
    @Body(new ZodBodyPipe(memberRoleRequestSchema)) body: MemberRoleRequest,
  ): Promise<Member> {
    return this.members.setRole(auth, tenantId, userId, body.role);
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
