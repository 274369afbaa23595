import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { declareScope } from '../database/database-scope';
import { DatabaseService } from '../database/database.service';
import { LoginThrottle } from '../rate-limits/login-throttle';
import { InviteEntity } from '../tenants/entities/invite.entity';
import { MembershipEntity, type MembershipRole } from '../tenants/entities/membership.entity';
import { TenantEntity } from '../tenants/entities/tenant.entity';
import type { LoginRequest, SignupRequest } from '@finwise/domain';
import { UserEntity } from './entities/user.entity';
import { decoyHash, hashPassword, verifyPassword } from './password-hasher';
import { TokenService, type TokenPair } from './token.service';

export interface Session extends TokenPair {
  user: { id: string; email: string };
  tenant: { id: string; name: string; role: MembershipRole };
}

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const hashCode = (code: string) =>
  createHash('sha256')
    .update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .digest('base64url');

@Injectable()
export class AuthService {
  constructor(
    private readonly database: DatabaseService,
    private readonly tokens: TokenService,
    private readonly loginThrottle: LoginThrottle,
  ) {}

  async signup(input: SignupRequest): Promise<Session> {
    const passwordHash = await hashPassword(input.password);
    const { user, tenant, role } = await this.database.inScope(
      { userEmail: input.email },
      async (manager) => {
        if (await manager.findOneBy(UserEntity, { email: input.email })) {
          throw new ConflictException('An account with this email already exists');
        }
        const user = manager.create(UserEntity, {
          id: randomUUID(),
          email: input.email,
          passwordHash,
        });
        await declareScope(manager, { userId: user.id });
        try {
          await manager.insert(UserEntity, user);
        } catch (error) {
          if ((error as { code?: string }).code === '23505')
            throw new ConflictException('An account with this email already exists');
          throw error;
        }
        if (input.inviteCode) {
          const tenant = await this.redeem(manager, input.inviteCode, user.id);
          return { user, tenant, role: 'member' as const };
        }
        const tenant = await this.createHousehold(manager, user, input.tenantName);
        return { user, tenant, role: 'owner' as const };
      },
    );
    return this.session(user, tenant, role);
  }

  /** `address` is the caller's network address, for the per-address sign-in budget. */
  async login(input: LoginRequest, address: string): Promise<Session> {
    await this.loginThrottle.attempt(input.email, address);
    const user = await this.database.inScope({ userEmail: input.email }, (manager) =>
      manager.findOneBy(UserEntity, { email: input.email }),
    );
    // Unknown emails cost a full hash too, so timing does not reveal which emails exist.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !valid) throw new UnauthorizedException('Invalid email or password');
    await this.loginThrottle.succeeded(input.email, address);
    const found = await this.database.inScope({ userId: user.id }, async (manager) => {
      const memberships = await manager.find(MembershipEntity, {
        where: input.tenantId ? { userId: user.id, tenantId: input.tenantId } : { userId: user.id },
        order: { createdAt: 'ASC' },
      });
      const membership = memberships[0];
      if (membership)
        return {
          membership,
          tenant: await manager.findOneByOrFail(TenantEntity, { id: membership.tenantId }),
        };
      if (input.tenantId) return null;
      // Removed from (or left) every household: a household of their own again, so the user can
      // sign in, keep budgeting and join another household with a new invite. The user's row is
      // locked and the memberships read again, so two sign-ins at once make only one household.
      await manager.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [user.id]);
      const joined = await manager.findOne(MembershipEntity, {
        where: { userId: user.id },
        order: { createdAt: 'ASC' },
      });
      if (joined)
        return {
          membership: joined,
          tenant: await manager.findOneByOrFail(TenantEntity, { id: joined.tenantId }),
        };
      const tenant = await this.createHousehold(manager, user);
      return { membership: { role: 'owner' as const }, tenant };
    });
    if (!found) throw new ForbiddenException('You are not a member of this household');
    return this.session(user, found.tenant, found.membership.role);
  }

  async refresh(refreshToken: string): Promise<Session> {
    const { pair, userId, tenantId } = await this.tokens.rotate(refreshToken);
    const { user, tenant, role } = await this.loadMember(userId, tenantId);
    return {
      ...pair,
      user: { id: user.id, email: user.email },
      tenant: { id: tenant.id, name: tenant.name, role },
    };
  }

  async logout(refreshToken: string): Promise<void> {
    await this.tokens.revokeFamilyOf(refreshToken);
  }

  async createInvite(
    userId: string,
    tokenTenantId: string,
    tenantId: string,
  ): Promise<{ code: string; expiresAt: string }> {
    if (tenantId !== tokenTenantId)
      throw new ForbiddenException('You can only invite members to your current household');
    const { role } = await this.loadMember(userId, tenantId);
    if (role !== 'owner')
      throw new ForbiddenException('Only an owner of the household can invite members');
    const bytes = randomBytes(12);
    const raw = Array.from(bytes, (b) => INVITE_ALPHABET[b % INVITE_ALPHABET.length]).join('');
    const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
    const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
    await this.database.inScope({ tenantId }, (manager) =>
      manager.insert(InviteEntity, {
        codeHash: hashCode(code),
        tenantId,
        createdBy: userId,
        expiresAt,
        usedBy: null,
        usedAt: null,
      }),
    );
    return { code, expiresAt: expiresAt.toISOString() };
  }

  async join(userId: string, code: string): Promise<Session> {
    const tenant = await this.database.inScope({ userId }, (manager) =>
      this.redeem(manager, code, userId),
    );
    const { user, role } = await this.loadMember(userId, tenant.id);
    return this.session(user, tenant, role);
  }

  /**
   * The name of the household an invite code joins, for the page that asks for the code; null
   * for a code that is unknown, expired or already used (none of which can be redeemed).
   */
  async invitedHousehold(code: string): Promise<{ tenantName: string } | null> {
    const codeHash = hashCode(code);
    return this.database.inScope({ inviteCodeHash: codeHash }, async (manager) => {
      const invite = await manager.findOneBy(InviteEntity, {
        codeHash,
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      });
      if (!invite) return null;
      await declareScope(manager, { tenantId: invite.tenantId });
      const tenant = await manager.findOneBy(TenantEntity, { id: invite.tenantId });
      return tenant ? { tenantName: tenant.name } : null;
    });
  }

  async memberships(userId: string): Promise<{ id: string; name: string; role: MembershipRole }[]> {
    return this.database.inScope({ userId }, (manager) =>
      manager.query(
        'SELECT t.id, t.name, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id ' +
          'WHERE m.user_id = $1 ORDER BY m.created_at',
        [userId],
      ),
    );
  }

  /**
   * Marks an invite used and adds the membership; single use, expires after 7 days. The
   * transaction declares the user; the code's hash makes the invite visible, and its household
   * is declared before anything is written.
   */
  private async redeem(
    manager: EntityManager,
    code: string,
    userId: string,
  ): Promise<TenantEntity> {
    const codeHash = hashCode(code);
    await declareScope(manager, { inviteCodeHash: codeHash });
    const invite = await manager.findOne(InviteEntity, {
      where: { codeHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!invite)
      throw new BadRequestException('This invite code is invalid, expired or already used');
    await declareScope(manager, { tenantId: invite.tenantId });
    await manager.update(
      InviteEntity,
      { codeHash: invite.codeHash },
      { usedAt: new Date(), usedBy: userId },
    );
    const existing = await manager.findOneBy(MembershipEntity, {
      tenantId: invite.tenantId,
      userId,
    });
    if (!existing)
      await manager.insert(MembershipEntity, { tenantId: invite.tenantId, userId, role: 'member' });
    return manager.findOneByOrFail(TenantEntity, { id: invite.tenantId });
  }

  /** A new household owned by `user`, inside the caller's transaction. */
  private async createHousehold(
    manager: EntityManager,
    user: UserEntity,
    name?: string,
  ): Promise<TenantEntity> {
    const tenant = manager.create(TenantEntity, {
      id: randomUUID(),
      name: name ?? `${user.email.split('@')[0]}'s household`,
      seq: 0,
      purgedSeq: 0,
    });
    await declareScope(manager, { tenantId: tenant.id });
    await manager.insert(TenantEntity, tenant);
    await manager.insert(MembershipEntity, { tenantId: tenant.id, userId: user.id, role: 'owner' });
    return tenant;
  }

  private async loadMember(userId: string, tenantId: string) {
    const found = await this.database.inScope({ userId }, async (manager) => ({
      membership: await manager.findOneBy(MembershipEntity, { userId, tenantId }),
      user: await manager.findOneBy(UserEntity, { id: userId }),
      tenant: await manager.findOneBy(TenantEntity, { id: tenantId }),
    }));
    if (!found.membership) throw new ForbiddenException('You are not a member of this household');
    if (!found.user || !found.tenant) throw new NotFoundException('Account not found');
    return { user: found.user, tenant: found.tenant, role: found.membership.role };
  }

  private async session(
    user: UserEntity,
    tenant: TenantEntity,
    role: MembershipRole,
  ): Promise<Session> {
    const pair = await this.tokens.issue(user.id, tenant.id);
    return {
      ...pair,
      user: { id: user.id, email: user.email },
      tenant: { id: tenant.id, name: tenant.name, role },
    };
  }
}
