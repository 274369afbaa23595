import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  ErrorCodes,
  SYNC_NAMESPACE,
  SyncEvents,
  type ErrorAck,
  type PullResponse,
  type PushResponse,
} from '@finwise/sync-protocol';
import type { Namespace, Socket } from 'socket.io';
import { MembershipGate } from '../auth/membership-gate';
import { TokenService } from '../auth/token.service';
import type { AccessClaims } from '../common/auth-context';
import { SocketRateLimiter } from '../rate-limits/socket-rate-limiter';
import { Broadcaster, tenantRoom } from '../realtime/broadcaster';
import { MemberSockets, memberRoom } from '../realtime/member-sockets';
import { PullService } from './pull/pull.service';
import { PushService } from './push/push.service';

interface SocketData {
  auth: AccessClaims;
  clientId: string | null;
  /** MembershipGate position when the handshake's membership was read. */
  checkedAt: number;
  expiryTimer?: NodeJS.Timeout;
}

type SyncSocket = Socket & { data: SocketData };

/** Longest a timer may wait (setTimeout overflows beyond 2^31-1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The `/sync` namespace: token-checked handshake, one room per tenant, and the push/pull
 * calls. It knows nothing about entities; the merge and pull services do the work.
 */
@WebSocketGateway({ namespace: SYNC_NAMESPACE })
export class SyncGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('SyncGateway');

  constructor(
    private readonly tokens: TokenService,
    private readonly pushes: PushService,
    private readonly pulls: PullService,
    private readonly broadcaster: Broadcaster,
    private readonly rateLimiter: SocketRateLimiter,
    private readonly members: MembershipGate,
    private readonly memberSockets: MemberSockets,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const auth = socket.handshake.auth as Record<string, unknown> | undefined;
      const claims = this.tokens.verifyAccess(auth?.['token']);
      if (!claims) return next(new Error(ErrorCodes.unauthorized));
      const clientId =
        typeof auth?.['clientId'] === 'string' ? auth['clientId'].slice(0, 100) : null;
      const checkedAt = this.members.position;
      // A removed member's token is still valid: the membership is read at every handshake.
      this.members.isMember(claims.userId, claims.tenantId, { fresh: true }).then(
        (member) => {
          if (!member) return next(new Error(ErrorCodes.forbidden));
          (socket as SyncSocket).data = { auth: claims, clientId, checkedAt };
          next();
        },
        (error: unknown) => {
          this.logger.error(`membership check failed: ${(error as Error).stack ?? error}`);
          next(new Error(ErrorCodes.internal));
        },
      );
    });
    this.broadcaster.attach(namespace);
    this.memberSockets.attach(namespace);
  }

  async handleConnection(socket: SyncSocket): Promise<void> {
    const { auth, checkedAt } = socket.data;
    await socket.join([tenantRoom(auth.tenantId), memberRoom(auth.tenantId, auth.userId)]);
    // A removal that arrived between the membership check and joining the rooms did not find
    // this socket in the member's room: look again.
    if (
      this.members.removedSince(auth.userId, auth.tenantId, checkedAt) &&
      !(await this.members.isMember(auth.userId, auth.tenantId, { fresh: true }))
    ) {
      socket.disconnect(true);
      return;
    }
    // The socket lives no longer than its token; the client refreshes and reconnects.
    const remaining = auth.exp * 1000 - Date.now();
    socket.data.expiryTimer = setTimeout(
      () => socket.disconnect(true),
      Math.min(Math.max(remaining, 0), MAX_TIMER_MS),
    );
  }

  handleDisconnect(socket: SyncSocket): void {
    if (socket.data?.expiryTimer) clearTimeout(socket.data.expiryTimer);
    this.rateLimiter.forget(socket.id);
  }

  @SubscribeMessage(SyncEvents.push)
  async push(
    @ConnectedSocket() socket: SyncSocket,
    @MessageBody() body: unknown,
  ): Promise<PushResponse> {
    return this.guard(socket, 'push', () =>
      this.pushes.push(socket.data.auth.tenantId, body, {
        userId: socket.data.auth.userId,
        clientId: socket.data.clientId,
        socketId: socket.id,
      }),
    );
  }

  @SubscribeMessage(SyncEvents.pull)
  async pull(
    @ConnectedSocket() socket: SyncSocket,
    @MessageBody() body: unknown,
  ): Promise<PullResponse> {
    return this.guard(socket, 'pull', () => this.pulls.pull(socket.data.auth.tenantId, body ?? {}));
  }

  private async guard<T>(
    socket: SyncSocket,
    what: string,
    work: () => Promise<T | ErrorAck>,
  ): Promise<T | ErrorAck> {
    if (socket.data.auth.exp * 1000 <= Date.now()) {
      // The answer goes out first (it is sent when this promise settles), so the client learns
      // why; then the socket lives no longer than its token, as when the expiry timer fires.
      setImmediate(() => socket.disconnect(true));
      return { error: { code: ErrorCodes.unauthorized, message: 'token expired' } };
    }
    const decision = await this.rateLimiter.consume(socket.id, socket.data.auth.tenantId);
    if (!decision.allowed) {
      return {
        error: {
          code: ErrorCodes.rateLimited,
          message: 'too many requests; retry later',
          details: { retryAfterMs: decision.retryAfterMs },
        },
      };
    }
    try {
      return await work();
    } catch (error) {
      this.logger.error(
        `${what} failed for tenant ${socket.data.auth.tenantId}: ${(error as Error).stack ?? error}`,
      );
      return {
        error: {
          code: ErrorCodes.internal,
          message: 'the server could not process this request; retry later',
        },
      };
    }
  }
}
