import {
  ErrorCodes,
  isErrorAck,
  SyncEvents,
  type PushResponse,
  type SyncError,
} from '@finwise/sync-protocol';
import type { LocalDatabase } from '../../database/local-database';
import type { PersistedClock } from '../../database/persisted-clock';
import type { SyncTuning } from '../../public-types';
import { BatchLimit } from '../../outbox/batch-limit';
import { readOutbox } from '../../outbox/outbox';
import type { OutboxEntry } from '../../outbox/outbox-entry';
import { takeBatch } from '../../outbox/push-batch';
import { ServerRefusal, socketRequest } from '../connection/socket-request';
import type { SocketWork } from '../connection/socket-work';
import { applyAck, type AckOutcome } from './apply-ack';
import { refusalWithServerRow } from './server-row';

export interface OutboxPusherHost {
  readonly db: LocalDatabase;
  readonly clock: PersistedClock;
  readonly tuning: SyncTuning;
  /** Reserves the place of a pending-count read (see StatusStore). */
  beginPendingRead(): number;
  /** After an ack was applied (pending count and rejections changed). */
  acked(outcome: AckOutcome): void;
  /** The server answered a request: the next retry starts from the shortest pause. */
  answered(): void;
  /** The local copy caught up with the server (for `lastSyncedAt`). */
  synced(): void;
}

/**
 * The push half of sync: sends the outbox in order, one batch per turn, and applies each ack
 * (acked entries leave the outbox, returned records are merged, rejected rows rolled back).
 * An ack that does not continue the stored cursor asks the socket's work for a pull.
 */
export class OutboxPusher {
  /** Outbox changes seen vs. drained: a write that lands during a drain is never missed. */
  private outboxVersion = 1;
  private drainedVersion = 0;
  private readonly limit: BatchLimit;

  constructor(private readonly host: OutboxPusherHost) {
    this.limit = new BatchLimit(host.tuning.maxBatchMutations, host.tuning.maxBatchBytes);
  }

  /** Whether the outbox may hold entries that were not pushed yet. */
  get hasWork(): boolean {
    return this.outboxVersion !== this.drainedVersion;
  }

  /** A local or another tab's write: there is something to push. */
  outboxChanged(): void {
    this.outboxVersion += 1;
  }

  async pushNextBatch(work: SocketWork): Promise<void> {
    const { db, clock } = this.host;
    const version = this.outboxVersion;
    const entries = await readOutbox(db.outbox, this.limit.mutations);
    if (entries.length === 0) {
      this.drainedVersion = version;
      this.limit.reset();
      return;
    }
    const batch = takeBatch(entries, this.limit.mutations, this.limit.bytes);
    const sentAtMs = clock.deviceNow();
    const response = await socketRequest<PushResponse>(
      work,
      SyncEvents.push,
      { mutations: batch.map((e) => e.mutation) },
      this.host.tuning.requestTimeoutMs,
    );
    const timing = { sentAtMs, receivedAtMs: clock.deviceNow() };
    if (isErrorAck(response)) {
      await this.refused(work, batch, response.error);
      return;
    }
    const outcome = await applyAck(
      db,
      clock,
      batch,
      response,
      () => this.host.beginPendingRead(),
      undefined,
      timing,
    );
    this.host.answered();
    this.host.acked(outcome);
    if (!outcome.cursorAdvanced) work.requestPull();
    this.host.synced();
  }

  private async refused(
    work: SocketWork,
    batch: readonly OutboxEntry[],
    error: SyncError,
  ): Promise<void> {
    if (error.code !== ErrorCodes.batchTooLarge) throw new ServerRefusal(error);
    if (batch.length > 1) {
      this.limit.halve(batch.length);
      return;
    }
    // One mutation alone is too large: it can never be sent. Instead of stalling the outbox
    // behind it, it is rejected like any other: the row goes back to the server's version (with
    // the other pending changes re-applied) and the user is told.
    const { db, clock, tuning } = this.host;
    const refusal = await refusalWithServerRow(
      work,
      batch[0].mutation,
      error,
      tuning.requestTimeoutMs,
    );
    const outcome = await applyAck(db, clock, batch, refusal, () => this.host.beginPendingRead());
    this.host.answered();
    this.host.acked(outcome);
    if (!outcome.cursorAdvanced) work.requestPull();
  }
}
