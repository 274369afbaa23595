import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseService } from '../database/database.service';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

export interface AccessClaims {
  userId: string;
  tenantId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

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
      const payload = this.jwt.verify<JwtPayload>(token, { secret: this.secret, algorithms: ['HS256'] });
      if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return null;
      return { userId: payload.sub, tenantId: payload.tid, exp: payload.exp };
    } catch {
      return null;
    }
  }

  async issue(userId: string, tenantId: string, familyId: string = randomUUID()): Promise<TokenPair> {
    const ttl = this.config.accessTokenTtlSeconds;
    const accessToken = await this.jwt.signAsync(
      { sub: userId, tid: tenantId, typ: 'access' },
      { secret: this.secret, algorithm: 'HS256', expiresIn: ttl },
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await this.database.dataSource.getRepository(RefreshTokenEntity).insert({
      id: randomUUID(),
      tokenHash: sha256(refreshToken),
      familyId,
      userId,
      tenantId,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      rotatedAt: null,
      revokedAt: null,
    });
    return { accessToken, refreshToken, accessTokenExpiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged is a stolen
   * copy or a replay: its whole family is revoked so the thief's session dies too.
   */
  async rotate(refreshToken: unknown): Promise<{ pair: TokenPair; userId: string; tenantId: string }> {
    if (typeof refreshToken !== 'string' || refreshToken.length === 0 || refreshToken.length > 200) {
      throw new UnauthorizedException('Invalid refresh token');
    }
    const repository = this.database.dataSource.getRepository(RefreshTokenEntity);
    const stored = await repository.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!stored || stored.revokedAt) throw new UnauthorizedException('Invalid refresh token');
    if (stored.rotatedAt) {
      await repository.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      throw new UnauthorizedException('Refresh token was already used; please sign in again');
    }
    if (stored.expiresAt.getTime() <= Date.now()) throw new UnauthorizedException('Refresh token expired');
    const claimed = await repository.update({ id: stored.id, rotatedAt: IsNull() }, { rotatedAt: new Date() });
    if (claimed.affected !== 1) {
      // Lost a race against a concurrent exchange of the same token: treat as reuse.
      await repository.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      throw new UnauthorizedException('Refresh token was already used; please sign in again');
    }
    const pair = await this.issue(stored.userId, stored.tenantId, stored.familyId);
    return { pair, userId: stored.userId, tenantId: stored.tenantId };
  }

  async revokeFamilyOf(refreshToken: string): Promise<void> {
    const repository = this.database.dataSource.getRepository(RefreshTokenEntity);
    const stored = await repository.findOneBy({ tokenHash: sha256(refreshToken) });
    if (stored) await repository.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
