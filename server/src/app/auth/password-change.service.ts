import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { ChangePasswordRequest } from '@finwise/domain';
import type { AccessClaims } from '../common/auth-context';
import { DatabaseService } from '../database/database.service';
import { LoginThrottle } from '../rate-limits/login-throttle';
import { MembershipEntity } from '../tenants/entities/membership.entity';
import { UserEntity } from './entities/user.entity';
import { hashPassword, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';

/**
 * Changes the password of the token's user. The token decides whose password changes: the
 * current password is checked against that user only. Every other login of the user ends (their
 * refresh tokens are revoked in every household), while the login that made the change stays
 * signed in. Access tokens already issued to other devices live out their few minutes.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly database: DatabaseService,
    private readonly tokens: TokenService,
    private readonly loginThrottle: LoginThrottle,
  ) {}

  /** `address` is the caller's network address: wrong current passwords spend the sign-in budget. */
  async change(claims: AccessClaims, input: ChangePasswordRequest, address: string): Promise<void> {
    const { userId } = claims;
    const user = await this.database.inScope({ userId }, (manager) =>
      manager.findOneBy(UserEntity, { id: userId }),
    );
    if (!user) throw new UnauthorizedException('Your current password is not correct');
    // A stolen access token must not become unlimited password guesses.
    await this.loginThrottle.attempt(user.email, address);
    if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
      throw new UnauthorizedException('Your current password is not correct');
    await this.loginThrottle.succeeded(user.email, address);
    const passwordHash = await hashPassword(input.newPassword);
    await this.database.inScope({ userId }, async (manager) => {
      await manager.update(UserEntity, { id: userId }, { passwordHash });
      const memberships = await manager.find(MembershipEntity, { where: { userId } });
      await this.tokens.revokeOtherLogins(
        manager,
        userId,
        memberships.map((membership) => membership.tenantId),
        claims.sessionId,
      );
    });
  }
}
