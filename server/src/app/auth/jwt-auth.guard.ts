import { ErrorCodes } from '@finwise/sync-protocol';
import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, type AuthenticatedRequest } from '../common/auth-context';
import { MembershipGate } from './membership-gate';
import { TokenService } from './token.service';

/**
 * Every HTTP route needs a valid access token unless marked @Public(), of a user who is still a
 * member of the token's household (a removed member's token stays valid until it expires).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly members: MembershipGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('Missing bearer token');
    const claims = this.tokens.verifyAccess(match[1]);
    if (!claims) throw new UnauthorizedException('Invalid or expired token');
    if (!(await this.members.isMember(claims.userId, claims.tenantId)))
      throw new ForbiddenException({
        message: 'You are not a member of this household',
        details: { code: ErrorCodes.forbidden },
      });
    request.auth = claims;
    return true;
  }
}
