import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCodes } from '@finwise/sync-protocol';
import { IsNull, type EntityManager } from 'typeorm';
import type { AccessClaims } from '../common/auth-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { declareScope } from '../database/database-scope';
import { DatabaseService } from '../database/database.service';
import { MembershipEntity } from '../tenants/entities/membership.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** ISO time at which the access token expires. */
  accessTokenExpiresAt: string;
}

interface JwtPayload {
  sub: string;
  tid: string;
  typ: 'access';
  exp: number;
  /** Refresh-token family of the login, so a password change can keep this login alive. */
  sid?: string;
}

export const JWT_SECRET = Symbol('JWT_SECRET');

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly database: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  /** Verifies an access token (HS256 only: `alg: none` and key confusion are refused). */
  verifyAccess(token: unknown): AccessClaims | null {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return null;
    try {
      const payload = this.jwt.verify<JwtPayload>(token, {
        secret: this.secret,
        algorithms: ['HS256'],
      });
      if (
        payload.typ !== 'access' ||
        typeof payload.sub !== 'string' ||
        typeof payload.tid !== 'string'
      )
        return null;
      const claims: AccessClaims = { userId: payload.sub, tenantId: payload.tid, exp: payload.exp };
      return typeof payload.sid === 'string' ? { ...claims, sessionId: payload.sid } : claims;
    } catch {
      return null;
    }
  }

  async issue(userId: string, tenantId: string): Promise<TokenPair> {
    return this.database.inScope({ tenantId }, (manager) =>
      this.issueIn(manager, userId, tenantId, randomUUID()),
    );
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged is a stolen
   * copy or a replay: its whole family is revoked so the thief's session dies too, unless it
   * comes back within the reuse grace (a retry whose answer was lost).
   */
  async rotate(
    refreshToken: unknown,
  ): Promise<{ pair: TokenPair; userId: string; tenantId: string }> {
    if (
      typeof refreshToken !== 'string' ||
      refreshToken.length === 0 ||
      refreshToken.length > 200
    ) {
      throw new UnauthorizedException('Invalid refresh token');
    }
    const tokenHash = sha256(refreshToken);
    // The revocation of a reused family must commit, so refusals are returned, not thrown.
    const outcome = await this.database.inScope(
      { refreshTokenHash: tokenHash },
      async (manager) => {
        const stored = await manager.findOneBy(RefreshTokenEntity, { tokenHash });
        if (!stored) return 'Invalid refresh token';
        await declareScope(manager, { tenantId: stored.tenantId });
        if (stored.revokedAt) {
          // Removal revokes the member's tokens: say so, so that the app tells its user why.
          const member = await manager.existsBy(MembershipEntity, {
            userId: stored.userId,
            tenantId: stored.tenantId,
          });
          return member ? 'Invalid refresh token' : { removed: true as const };
        }
        // An exchange whose answer was lost (a dropped connection, an instance killed after
        // the commit) is retried with the same token moments later: within the grace that is
        // the same device, and it gets a new pair of the same login. Later, the token is a
        // stolen copy or a replay, and the whole login is revoked.
        if (stored.rotatedAt && !this.withinReuseGrace(stored.rotatedAt))
          return revokeFamily(manager, stored.familyId);
        if (stored.expiresAt.getTime() <= Date.now()) return 'Refresh token expired';
        if (!stored.rotatedAt) {
          const claimed = await manager.update(
            RefreshTokenEntity,
            { id: stored.id, rotatedAt: IsNull() },
            { rotatedAt: new Date() },
          );
          // Lost a race against a concurrent exchange of the same token: that exchange just
          // happened, so the same rule applies.
          if (claimed.affected !== 1 && !this.withinReuseGrace(new Date()))
            return revokeFamily(manager, stored.familyId);
        }
        // A member who left keeps no way back in: no new token is stored, and the login ends.
        if (
          !(await manager.existsBy(MembershipEntity, {
            userId: stored.userId,
            tenantId: stored.tenantId,
          }))
        ) {
          await revokeFamily(manager, stored.familyId);
          return { notMember: true as const };
        }
        const pair = await this.issueIn(manager, stored.userId, stored.tenantId, stored.familyId);
        return { pair, userId: stored.userId, tenantId: stored.tenantId };
      },
    );
    if (typeof outcome === 'string') throw new UnauthorizedException(outcome);
    if ('removed' in outcome)
      throw new UnauthorizedException({
        message: 'You are no longer a member of this household',
        details: { code: ErrorCodes.forbidden },
      });
    if ('notMember' in outcome)
      throw new ForbiddenException('You are not a member of this household');
    return outcome;
  }

  private withinReuseGrace(rotatedAt: Date): boolean {
    const graceMs = this.config.refreshReuseGraceSeconds * 1000;
    return graceMs > 0 && Date.now() - rotatedAt.getTime() <= graceMs;
  }

  async revokeFamilyOf(refreshToken: string): Promise<void> {
    const tokenHash = sha256(refreshToken);
    await this.database.inScope({ refreshTokenHash: tokenHash }, async (manager) => {
      const stored = await manager.findOneBy(RefreshTokenEntity, { tokenHash });
      if (!stored) return;
      await declareScope(manager, { tenantId: stored.tenantId });
      await revokeFamily(manager, stored.familyId);
    });
  }

  /**
   * Revokes every refresh token of `userId` in each of `tenantIds` except those of the login
   * `keepFamilyId` (none kept when it is undefined). Runs inside the caller's transaction,
   * declaring each household in turn (row-level security lets a write touch only the declared one).
   */
  async revokeOtherLogins(
    manager: EntityManager,
    userId: string,
    tenantIds: readonly string[],
    keepFamilyId: string | undefined,
  ): Promise<void> {
    for (const tenantId of tenantIds) {
      await declareScope(manager, { tenantId });
      await manager
        .createQueryBuilder()
        .update(RefreshTokenEntity)
        .set({ revokedAt: new Date() })
        .where('user_id = :userId AND tenant_id = :tenantId AND revoked_at IS NULL', {
          userId,
          tenantId,
        })
        .andWhere(keepFamilyId ? 'family_id <> :keepFamilyId' : 'TRUE', { keepFamilyId })
        .execute();
    }
  }

  /** Signs an access token and stores a new refresh token; the transaction declares `tenantId`. */
  private async issueIn(
    manager: EntityManager,
    userId: string,
    tenantId: string,
    familyId: string,
  ): Promise<TokenPair> {
    const ttl = this.config.accessTokenTtlSeconds;
    const accessToken = await this.jwt.signAsync(
      { sub: userId, tid: tenantId, typ: 'access', sid: familyId },
      { secret: this.secret, algorithm: 'HS256', expiresIn: ttl },
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
      id: randomUUID(),
      tokenHash: sha256(refreshToken),
      familyId,
      userId,
      tenantId,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      rotatedAt: null,
      revokedAt: null,
    });
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
    };
  }
}

/** Every token of one login belongs to one household, which the transaction has declared. */
async function revokeFamily(manager: EntityManager, familyId: string): Promise<string> {
  await manager.update(
    RefreshTokenEntity,
    { familyId, revokedAt: IsNull() },
    { revokedAt: new Date() },
  );
  return 'Refresh token was already used; please sign in again';
}
