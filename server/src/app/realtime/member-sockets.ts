import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { MembershipGate } from '../auth/membership-gate';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The room of one member's sockets of one household (besides the household's own room). */
export const memberRoom = (tenantId: string, userId: string) => `member:${tenantId}:${userId}`;

/** Instance-to-instance event: a member was removed from a household. */
const MEMBER_REMOVED = 'finwise:member-removed';

interface MemberRemoved {
  tenantId: string;
  userId: string;
}

/**
 * Ends a removed member's presence in a household on every server instance: each instance
 * forgets the membership it had confirmed (MembershipGate) and disconnects the member's sockets
 * of that household. With Redis the other instances are told through the Socket.IO adapter and
 * the removal waits (briefly) until each has confirmed, so when it is answered no instance
 * still serves the member.
 */
@Injectable()
export class MemberSockets {
  private readonly logger = new Logger('MemberSockets');
  private namespace: Namespace | null = null;

  constructor(
    private readonly gate: MembershipGate,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.on(MEMBER_REMOVED, (removal: MemberRemoved, answer?: (done: boolean) => void) => {
      if (isMemberRemoved(removal)) this.endHere(removal);
      answer?.(true);
    });
  }

  /** Called after the removal committed. */
  async removed(tenantId: string, userId: string): Promise<void> {
    const removal: MemberRemoved = { tenantId, userId };
    this.endHere(removal);
    const namespace = this.namespace;
    // Without Redis this is the only instance (the in-memory adapter does not relay).
    if (!namespace || !this.config.redisUrl) return;
    try {
      // Waits for every other instance, at most the adapter's request timeout (5 s).
      await namespace.serverSideEmitWithAck(MEMBER_REMOVED, removal);
    } catch (error) {
      // An instance that did not answer forgets its confirmed membership within seconds anyway
      // (MembershipGate), and its sockets are asked to close once more through the adapter.
      this.logger.warn(
        `Not every instance confirmed a member removal: ${(error as Error).message}`,
      );
      namespace.in(memberRoom(tenantId, userId)).disconnectSockets(true);
    }
  }

  private endHere({ tenantId, userId }: MemberRemoved): void {
    this.gate.removed(userId, tenantId);
    this.namespace?.local.in(memberRoom(tenantId, userId)).disconnectSockets(true);
  }
}

function isMemberRemoved(value: unknown): value is MemberRemoved {
  const candidate = value as Partial<MemberRemoved> | null;
  return typeof candidate?.tenantId === 'string' && typeof candidate.userId === 'string';
}
