import { SyncLimits } from '@finwise/sync-protocol';

/**
 * How much one push may carry: the tuning's mutations and bytes per batch. After a
 * `batch_too_large` refusal our measure and the server's disagree (an older server, a proxy),
 * so the mutation limit is halved and kept that small until the outbox is drained.
 */
export class BatchLimit {
  readonly bytes: number;
  private readonly maxMutations: number;
  private current: number;

  constructor(maxMutations: number, maxBytes: number) {
    this.maxMutations = Math.max(1, Math.floor(maxMutations));
    // Room for the Socket.IO packet around the payload (event name, ack id).
    this.bytes = Math.min(maxBytes, SyncLimits.maxFrameBytes - 4096);
    this.current = this.maxMutations;
  }

  get mutations(): number {
    return this.current;
  }

  /** The server refused a batch of `size` mutations as too large. */
  halve(size: number): void {
    this.current = Math.max(1, Math.floor(size / 2));
  }

  /** The outbox is drained: the next batch may be full-sized again. */
  reset(): void {
    this.current = this.maxMutations;
  }
}
