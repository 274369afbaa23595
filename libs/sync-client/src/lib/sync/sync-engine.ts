import { SyncEvents, type ChangesBroadcast } from '@finwise/sync-protocol';
import type { Socket } from 'socket.io-client';
import type { LocalDatabase } from '../database/local-database';
import type { PersistedClock } from '../database/persisted-clock';
import type { InitialLoadProgress, SyncTuning } from '../public-types';
import type { StatusStore } from '../status/status-store';
import { Backoff } from './connection/backoff';
import { SyncConnection } from './connection/connection';
import { TransportError } from './connection/socket-request';
import { SocketWork } from './connection/socket-work';
import { FeedPuller } from './pull/feed-puller';
import { nextStep } from './next-step';
import type { AckOutcome } from './push/apply-ack';
import { OutboxPusher } from './push/outbox-pusher';
import { SyncStatePublisher } from './sync-state-publisher';

export interface EngineHost {
  readonly db: LocalDatabase;
  readonly clock: PersistedClock;
  readonly clientId: string;
  readonly url: string;
  getToken(): string | Promise<string>;
  refreshToken?(): Promise<string>;
  readonly tuning: SyncTuning;
  readonly status: StatusStore;
  /** After an ack was applied (pending count and rejections changed). */
  acked(outcome: AckOutcome): void;
  /** The server refused the handshake with `forbidden`; the engine stopped connecting. */
  forbidden?(): void;
}

/**
 * The leader's sync duties: one socket, and on it, one step at a time, the pull part
 * (`FeedPuller`: catch-up from the stored cursor, broadcasts) and the push part
 * (`OutboxPusher`: the outbox in order), taking turns as `nextStep` says. Only the leader of a tenant database runs an engine; every step
 * is persisted before the next starts, so it can be dropped at any point (crash, tab close,
 * leadership change) and another engine resumes.
 */
export class SyncEngine {
  readonly firstSync: Promise<void>;
  private resolveFirstSync!: () => void;
  private readonly connection: SyncConnection;
  private readonly puller: FeedPuller;
  private readonly pusher: OutboxPusher;
  private readonly publisher: SyncStatePublisher;
  private readonly retryBackoff: Backoff;
  private work: SocketWork | null = null;
  private loop: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly host: EngineHost) {
    this.firstSync = new Promise((resolve) => (this.resolveFirstSync = resolve));
    const { db, clock, tuning, status } = host;
    this.retryBackoff = new Backoff(tuning.backoffBaseMs, tuning.backoffMaxMs);
    this.publisher = new SyncStatePublisher(db, status);
    const answered = () => this.retryBackoff.reset();
    const synced = () => this.synced();
    this.puller = new FeedPuller({
      db,
      clock,
      tuning,
      loadShown: () => status.get().initialLoad.loaded,
      loadProgressed: (progress) => this.setStatus({ initialLoad: progress }),
      answered,
      synced,
    });
    this.pusher = new OutboxPusher({
      db,
      clock,
      tuning,
      beginPendingRead: () => status.beginPendingRead(),
      acked: (outcome) => host.acked(outcome),
      answered,
      synced,
    });
    this.connection = new SyncConnection(
      {
        url: host.url,
        clientId: host.clientId,
        getToken: host.getToken.bind(host),
        refreshToken: host.refreshToken?.bind(host),
        backoff: new Backoff(tuning.backoffBaseMs, tuning.backoffMaxMs),
        handshakeTimeoutMs: tuning.requestTimeoutMs,
      },
      {
        connected: (socket) => this.onConnected(socket),
        disconnected: (socket) => this.onDisconnected(socket),
        attemptFailed: () => this.resolveFirstSync(),
        forbidden: () => host.forbidden?.(),
      },
    );
  }

  start(online: boolean): void {
    // What a crashed predecessor published is no longer true: this engine has no socket yet.
    this.setStatus({ online: false });
    this.setOnline(online);
  }

  setOnline(online: boolean): void {
    if (this.stopped) return;
    if (online) {
      this.connection.open();
    } else {
      this.connection.close();
      this.resolveFirstSync();
    }
  }

  /** A tab became visible (this one or another): catch up now, not at the next idle pull. */
  pullNow(): void {
    this.work?.requestPull();
  }

  /** Local or another tab's write: there is something to push. */
  outboxChanged(): void {
    this.pusher.outboxChanged();
    this.work?.wake();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.end();
    await this.loop;
    await this.publisher.settled();
    this.host.status.update({ online: false });
    await this.publisher.publishOffline();
  }

  /** Drops everything at once, as a crashed tab would: nothing is awaited or written. */
  abandon(): void {
    this.end();
  }

  private end(): void {
    this.stopped = true;
    this.publisher.end();
    this.connection.close();
    this.work?.end();
    this.resolveFirstSync();
  }

  private onConnected(socket: Socket): void {
    if (this.stopped) return;
    const work = new SocketWork(socket);
    this.work = work;
    socket.on(SyncEvents.changes, (payload: ChangesBroadcast) => work.addBroadcast(payload));
    this.setStatus({ online: true });
    this.loop = this.loop.then(() => this.run(work)).catch(() => undefined);
  }

  private onDisconnected(socket: Socket): void {
    if (this.work?.socket === socket) {
      this.work.end();
      this.work = null;
    }
    this.setStatus({ online: false });
    this.resolveFirstSync();
  }

  private async run(work: SocketWork): Promise<void> {
    let pushedLast = false;
    while (work.active && !this.stopped) {
      try {
        const step = nextStep({
          pushWaiting: this.pusher.hasWork,
          pullDue: work.pullDue,
          broadcasts: work.broadcasts.length,
          pushedLast,
        });
        pushedLast = step === 'push';
        if (step === 'push') {
          await this.pusher.pushNextBatch(work);
        } else if (step === 'pull') {
          const token = work.beginPull();
          await this.puller.catchUp(work);
          work.pullDone(token);
          // Only a connection that served a whole catch-up counts as healthy (see SyncConnection).
          this.connection.markHealthy(work.socket);
          this.synced();
          this.resolveFirstSync();
        } else if (step === 'broadcast') {
          await this.puller.receive(work, work.broadcasts.shift() as ChangesBroadcast);
        } else if ((await work.idle(this.host.tuning.idlePullMs)) === 'timeout') {
          // A broadcast can be lost (a crash between commit and emit, a Redis hiccup): an idle
          // connection pulls now and then, so a lost one delays a change by at most this long.
          work.requestPull();
        }
      } catch (error) {
        if (!work.active || this.stopped) break;
        // A first catch-up that fails must not hold start() hostage.
        this.resolveFirstSync();
        if (error instanceof TransportError) {
          this.connection.reset({ refreshToken: error.refreshToken });
          break;
        }
        await work.pause(this.retryBackoff.next());
      }
    }
  }

  private synced(): void {
    this.setStatus({ lastSyncedAt: new Date().toISOString() });
  }

  private setStatus(patch: {
    online?: boolean;
    lastSyncedAt?: string;
    initialLoad?: InitialLoadProgress;
  }): void {
    if (this.stopped) return;
    this.host.status.update(patch);
    if (patch.online !== undefined || patch.lastSyncedAt !== undefined) this.publisher.publish();
  }
}
