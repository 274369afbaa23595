import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../api-docs/api-docs.decorators';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { AuthRateLimited } from '../rate-limits/auth-rate-limited.decorator';
import { Auth, Public, type AccessClaims } from '../common/auth-context';
import {
  loginRequestSchema,
  refreshRequestSchema,
  signupRequestSchema,
  type LoginRequest,
  type SignupRequest,
} from '@finwise/domain';
import { AuthService, type Session } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

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
