import { Injectable, Logger } from '@nestjs/common';
import { SyncEvents, type ChangesBroadcast } from '@finwise/sync-protocol';
import type { Namespace } from 'socket.io';

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;

/**
 * Emits committed changes to a tenant's room. Called only after commit; a lost broadcast is
 * harmless because clients notice the cursor gap and pull.
 */
@Injectable()
export class Broadcaster {
  private readonly logger = new Logger('Broadcaster');
  private namespace: Namespace | null = null;
  /** Per tenant: broadcasts waiting for the next turn of the event loop. */
  private readonly deferred = new Map<string, number>();

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  changes(tenantId: string, payload: ChangesBroadcast, exceptSocketId?: string): void {
    const namespace = this.namespace;
    if (!namespace || payload.changes.length === 0) return;
    const emit = () => {
      try {
        const room = namespace.to(tenantRoom(tenantId));
        (exceptSocketId ? room.except(exceptSocketId) : room).emit(SyncEvents.changes, payload);
      } catch (error) {
        this.logger.warn(`Broadcast to tenant ${tenantId} failed: ${(error as Error).message}`);
      }
    };
    // A few changes go out at once: the household's other devices see an edit as soon as it is
    // committed, and the writer, which already shows it, gets its ack right after. A large
    // batch goes out after the writer's ack (sent when the caller's promise settles, before
    // this callback runs), so the writer prepares its next batch while the room's copies are
    // written. A small one waits too while one of its household's is waiting, so that they
    // leave in feed order (callbacks run in call order); a receiver that still sees a gap
    // notices it through `fromCursor` and pulls.
    if (payload.changes.length <= IMMEDIATE_BROADCAST_CHANGES && !this.deferred.has(tenantId)) {
      emit();
      return;
    }
    this.deferred.set(tenantId, (this.deferred.get(tenantId) ?? 0) + 1);
    setImmediate(() => {
      const waiting = (this.deferred.get(tenantId) ?? 1) - 1;
      if (waiting > 0) this.deferred.set(tenantId, waiting);
      else this.deferred.delete(tenantId);
      emit();
    });
  }
}

/** Broadcasts of at most this many changes are sent before the writer's ack. */
const IMMEDIATE_BROADCAST_CHANGES = 16;
