import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { MembershipEntity } from '../tenants/entities/membership.entity';

/** How long a confirmed membership is trusted without asking the database again. */
const CONFIRMED_FOR_MS = 10_000;
/** How long a removal is remembered for handshakes that were checked while it happened. */
const REMOVAL_REMEMBERED_MS = 60_000;
/** Above this many remembered entries, expired ones are dropped on the next insert. */
const PRUNE_ABOVE = 10_000;

const keyOf = (userId: string, tenantId: string) => `${tenantId}:${userId}`;

/**
 * Whether the user of an access token is (still) a member of the token's household. Access
 * tokens outlive a removal by minutes, so every REST call and handshake asks here.
 *
 * HTTP calls take a confirmed answer from a short per-instance cache; a removal evicts it on
 * every instance before the removal is answered (see MemberSockets), and the cache's lifetime
 * bounds the damage of an eviction notice that never arrived. Handshakes always ask the
 * database. An answer read while a removal of the same member arrived is never cached, and a
 * handshake can ask whether a removal arrived since its check (`removedSince`).
 */
@Injectable()
export class MembershipGate {
  private readonly confirmed = new Map<string, number>();
  /** Member key → the removal's sequence number and when it arrived. */
  private readonly removals = new Map<string, { sequence: number; at: number }>();
  private sequence = 0;

  constructor(private readonly database: DatabaseService) {}

  /** A position to pass to `removedSince` later. */
  get position(): number {
    return this.sequence;
  }

  /** `fresh`: ask the database even when a recent answer is cached. */
  async isMember(
    userId: string,
    tenantId: string,
    options: { fresh?: boolean } = {},
  ): Promise<boolean> {
    const key = keyOf(userId, tenantId);
    const now = Date.now();
    if (!options.fresh && (this.confirmed.get(key) ?? 0) > now) return true;
    const asked = this.sequence;
    const member = await this.database.inScope({ tenantId }, (manager) =>
      manager.existsBy(MembershipEntity, { tenantId, userId }),
    );
    if (member && !this.removedSince(userId, tenantId, asked)) {
      if (this.confirmed.size > PRUNE_ABOVE) prune(this.confirmed, now);
      this.confirmed.set(key, now + CONFIRMED_FOR_MS);
    } else {
      this.confirmed.delete(key);
    }
    return member;
  }

  /** The member was removed (here or on another instance): forget what was confirmed. */
  removed(userId: string, tenantId: string): void {
    const key = keyOf(userId, tenantId);
    const now = Date.now();
    this.confirmed.delete(key);
    this.sequence += 1;
    if (this.removals.size > PRUNE_ABOVE) {
      for (const [removedKey, removal] of this.removals)
        if (removal.at + REMOVAL_REMEMBERED_MS <= now) this.removals.delete(removedKey);
    }
    this.removals.set(key, { sequence: this.sequence, at: now });
  }

  /** Whether a removal of this member arrived after `position` was read. */
  removedSince(userId: string, tenantId: string, position: number): boolean {
    return (this.removals.get(keyOf(userId, tenantId))?.sequence ?? 0) > position;
  }
}

function prune(entries: Map<string, number>, now: number): void {
  for (const [key, until] of entries) if (until <= now) entries.delete(key);
}
