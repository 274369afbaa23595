import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { ErrorCodes } from '@finwise/sync-protocol';
import type { AccessClaims } from '../../common/auth-context';
import { DatabaseService } from '../../database/database.service';
import { MemberSockets } from '../../realtime/member-sockets';
import type { MembershipRole } from '../entities/membership.entity';

export interface Member {
  userId: string;
  email: string;
  role: MembershipRole;
  joinedAt: string;
}

/**
 * Who belongs to a household, and leaving or being removed from it (FINANCE §7). A removal
 * takes effect everywhere before it is answered: the membership and the member's refresh
 * tokens for the household go in one transaction, then every server instance forgets the
 * membership and disconnects the member's sockets of the household.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly database: DatabaseService,
    private readonly sockets: MemberSockets,
  ) {}

  async list(auth: AccessClaims, tenantId: string): Promise<{ items: Member[] }> {
    ownHousehold(auth, tenantId);
    const rows: { user_id: string; email: string; role: MembershipRole; created_at: Date }[] =
      await this.database.inScope({ tenantId }, (manager) =>
        manager.query(
          'SELECT m.user_id, u.email, m.role, m.created_at FROM memberships m ' +
            'JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 ' +
            `ORDER BY m.role = 'owner' DESC, m.created_at, u.email`,
          [tenantId],
        ),
      );
    return {
      items: rows.map((row) => ({
        userId: row.user_id,
        email: row.email,
        role: row.role,
        joinedAt: row.created_at.toISOString(),
      })),
    };
  }

  /** Owners remove anyone; everyone may remove themselves (leave). The last owner stays. */
  async remove(auth: AccessClaims, tenantId: string, userId: string): Promise<void> {
    ownHousehold(auth, tenantId);
    await this.database.inScope({ tenantId }, async (manager) => {
      // Locking every membership of the household serialises concurrent removals, so two owners
      // removing each other cannot leave the household without one.
      const members: { user_id: string; role: MembershipRole }[] = await manager.query(
        'SELECT user_id, role FROM memberships WHERE tenant_id = $1 FOR UPDATE',
        [tenantId],
      );
      const caller = members.find((member) => member.user_id === auth.userId);
      const leaving = userId === auth.userId;
      if (!caller) throw notMember();
      if (!leaving && caller.role !== 'owner')
        throw new ForbiddenException('Only an owner of the household can remove members');
      const target = members.find((member) => member.user_id === userId);
      if (!target) throw new NotFoundException('This user is not a member of the household');
      if (target.role === 'owner' && !members.some((m) => m.role === 'owner' && m !== target))
        throw new ConflictException(
          'The last owner cannot leave the household; it needs another owner first',
        );
      await manager.query('DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2', [
        tenantId,
        userId,
      ]);
      await manager.query(
        'UPDATE refresh_tokens SET revoked_at = now() ' +
          'WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL',
        [tenantId, userId],
      );
    });
    await this.sockets.removed(tenantId, userId);
  }

  /** Owners change roles; the last owner cannot become a member (someone must own the household). */
  async setRole(
    auth: AccessClaims,
    tenantId: string,
    userId: string,
    role: MembershipRole,
  ): Promise<Member> {
    ownHousehold(auth, tenantId);
    await this.database.inScope({ tenantId }, async (manager) => {
      // Locked like a removal, so two owners demoting each other cannot leave no owner.
      const members: { user_id: string; role: MembershipRole }[] = await manager.query(
        'SELECT user_id, role FROM memberships WHERE tenant_id = $1 FOR UPDATE',
        [tenantId],
      );
      const caller = members.find((member) => member.user_id === auth.userId);
      if (!caller) throw notMember();
      if (caller.role !== 'owner')
        throw new ForbiddenException('Only an owner of the household can change roles');
      const target = members.find((member) => member.user_id === userId);
      if (!target) throw new NotFoundException('This user is not a member of the household');
      if (
        role === 'member' &&
        target.role === 'owner' &&
        !members.some((m) => m.role === 'owner' && m !== target)
      )
        throw new ConflictException(
          'The last owner cannot become a member; make someone else an owner first',
        );
      await manager.query(
        'UPDATE memberships SET role = $3 WHERE tenant_id = $1 AND user_id = $2',
        [tenantId, userId, role],
      );
    });
    const { items } = await this.list(auth, tenantId);
    const member = items.find((item) => item.userId === userId);
    // Removed between the update and the read: report it as the removal it now is.
    if (!member) throw new NotFoundException('This user is not a member of the household');
    return member;
  }
}

/** Tokens belong to one household: they manage that one only. */
function ownHousehold(auth: AccessClaims, tenantId: string): void {
  if (tenantId !== auth.tenantId)
    throw new ForbiddenException('Your token is for another household; sign in to that one');
}

function notMember(): ForbiddenException {
  return new ForbiddenException({
    message: 'You are not a member of this household',
    details: { code: ErrorCodes.forbidden },
  });
}
