import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { AuthRateLimited } from '../rate-limits/auth-rate-limited.decorator';
import { Auth, Public } from './auth-context';
import { loginSchema, refreshSchema, signupSchema, type LoginInput, type SignupInput } from './auth.schemas';
import { AuthService, type Session } from './auth.service';
import type { AccessClaims } from './token.service';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @AuthRateLimited()
  @ApiOperation({ summary: 'Create an account and a household (or join one with inviteCode)' })
  @ApiBody({ schema: jsonSchema(signupSchema) })
  signup(@Body(new ZodBodyPipe(signupSchema)) body: SignupInput): Promise<Session> {
    return this.auth.signup(body);
  }

  @Public()
  @Post('login')
  @AuthRateLimited()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; 401 with the same message for unknown email and wrong password' })
  @ApiBody({ schema: jsonSchema(loginSchema) })
  login(@Body(new ZodBodyPipe(loginSchema)) body: LoginInput): Promise<Session> {
    return this.auth.login(body);
  }

  @Public()
  @Post('refresh')
  @AuthRateLimited()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (refresh tokens rotate)' })
  @ApiBody({ schema: jsonSchema(refreshSchema) })
  refresh(@Body(new ZodBodyPipe(refreshSchema)) body: { refreshToken: string }): Promise<Session> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a refresh token and every token rotated from it' })
  @ApiBody({ schema: jsonSchema(refreshSchema) })
  async logout(@Body(new ZodBodyPipe(refreshSchema)) body: { refreshToken: string }): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user, current household and all memberships' })
  async me(@Auth() auth: AccessClaims) {
    return { userId: auth.userId, tenantId: auth.tenantId, tenants: await this.auth.memberships(auth.userId) };
  }
}
