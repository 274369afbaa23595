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

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  changes(tenantId: string, payload: ChangesBroadcast, exceptSocketId?: string): void {
    const namespace = this.namespace;
    if (!namespace || payload.changes.length === 0) return;
    // The writer's ack goes out first (it is sent when the caller's promise settles, before
    // this callback runs): the writer can prepare its next batch while the room's copies are
    // being encoded and written. Callbacks run in call order; a receiver that sees a broadcast out
    // of feed order notices the gap through `fromCursor` and pulls.
    setImmediate(() => {
      try {
        const room = namespace.to(tenantRoom(tenantId));
        (exceptSocketId ? room.except(exceptSocketId) : room).emit(SyncEvents.changes, payload);
      } catch (error) {
        this.logger.warn(`Broadcast to tenant ${tenantId} failed: ${(error as Error).message}`);
      }
    });
  }
}
