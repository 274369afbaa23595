import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../api-docs/api-docs.decorators';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { AuthRateLimited } from '../rate-limits/auth-rate-limited.decorator';
import { Auth, Public, type AccessClaims } from '../common/auth-context';
import { ErrorCodes } from '@finwise/sync-protocol';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  refreshRequestSchema,
  signupRequestSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type SignupRequest,
} from '@finwise/domain';
import { AuthService, type Session } from './auth.service';
import { PasswordChangeService } from './password-change.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordChangeService,
  ) {}

  @Public()
  @Post('signup')
  @AuthRateLimited()
  @ApiOperation({ summary: 'Create an account and a household (or join one with inviteCode)' })
  @ApiJsonBody('SignupRequest')
  @ApiJsonResponse(201, 'Session', 'Signed up and signed in')
  @ApiErrors({
    400: 'Invalid email, password under 8 characters, or an invalid, expired or used invite code',
    409: 'An account with this email already exists',
  })
  signup(@Body(new ZodBodyPipe(signupRequestSchema)) body: SignupRequest): Promise<Session> {
    return this.auth.signup(body);
  }

  @Public()
  @Post('login')
  @AuthRateLimited()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in; 401 with the same message for unknown email and wrong password',
  })
  @ApiJsonBody('LoginRequest')
  @ApiJsonResponse(200, 'Session', 'Signed in')
  @ApiErrors({
    401: 'Invalid email or password (the same for both)',
    403: 'Not a member of the requested household (tenantId)',
  })
  login(
    @Body(new ZodBodyPipe(loginRequestSchema)) body: LoginRequest,
    @Ip() address: string,
  ): Promise<Session> {
    return this.auth.login(body, address);
  }

  @Public()
  @Post('refresh')
  @AuthRateLimited()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (refresh tokens rotate)' })
  @ApiJsonBody('RefreshRequest')
  @ApiJsonResponse(200, 'Session', 'A new token pair; the old refresh token is used up')
  @ApiErrors({
    401: 'Unknown, expired or already used refresh token (reuse revokes the whole login)',
    403: "No longer a member of the token's household (the refresh token is used up)",
  })
  refresh(
    @Body(new ZodBodyPipe(refreshRequestSchema)) body: { refreshToken: string },
  ): Promise<Session> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a refresh token and every token rotated from it' })
  @ApiJsonBody('RefreshRequest')
  @ApiResponse({ status: 204, description: 'Signed out' })
  async logout(
    @Body(new ZodBodyPipe(refreshRequestSchema)) body: { refreshToken: string },
  ): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Post('password')
  @AuthRateLimited()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Change the token's user's password; every other login of the user is signed out, this one stays",
  })
  @ApiJsonBody('ChangePasswordRequest')
  @ApiResponse({ status: 204, description: 'Changed; refresh tokens of other logins are revoked' })
  @ApiErrors({
    400: 'New password under 8 characters, or a malformed body (details.code validation)',
    401: "Missing or invalid token, or currentPassword is not the token's user's password",
  })
  async changePassword(
    @Auth() auth: AccessClaims,
    @Body(new ZodBodyPipe(changePasswordRequestSchema, { code: ErrorCodes.validation }))
    body: ChangePasswordRequest,
    @Ip() address: string,
  ): Promise<void> {
    await this.passwords.change(auth, body, address);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user, current household and all memberships' })
  @ApiJsonResponse(200, 'Me', 'The user and their households')
  async me(@Auth() auth: AccessClaims) {
    return {
      userId: auth.userId,
      tenantId: auth.tenantId,
      tenants: await this.auth.memberships(auth.userId),
    };
  }
}
