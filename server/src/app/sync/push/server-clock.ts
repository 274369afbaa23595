import { Injectable } from '@nestjs/common';
import { HybridLogicalClock, randomNodeId, type Hlc } from '@finwise/sync-protocol';

/**
 * The server's own HLC, used to stamp REST writes. It observes every accepted client HLC, so a
 * REST write is ordered after every edit the server has seen.
 */
@Injectable()
export class ServerClock {
  private readonly clock = new HybridLogicalClock(randomNodeId());

  get nodeId(): string {
    return this.clock.nodeId;
  }

  observe(hlc: Hlc): void {
    this.clock.observe(hlc);
  }

  /** A timestamp greater than this clock and than `floor` (the row's current `updatedAt`). */
  stampAfter(floor: Hlc | null | undefined): Hlc {
    return this.clock.tickAfter(floor);
  }

  now(): number {
    return Date.now();
  }

  /** `serverTime` of acks and pull pages: clients measure their clock offset against it. */
  nowIso(): string {
    return new Date(this.now()).toISOString();
  }
}
