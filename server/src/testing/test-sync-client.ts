import { randomUUID } from 'node:crypto';
import { findEntity } from '@finwise/domain';
import {
  HybridLogicalClock,
  mergeRecords,
  randomNodeId,
  SYNC_NAMESPACE,
  SyncEvents,
  type AnyRecord,
  type Change,
  type ChangesBroadcast,
  type Mutation,
  type Operation,
  type PullPage,
  type PullResponse,
  type PushAck,
  type PushResponse,
} from '@finwise/sync-protocol';
import { io, type Socket } from 'socket.io-client';

export interface TestSyncClientOptions {
  wallClock?: () => number;
  clientId?: string;
}

/**
 * A minimal protocol client for integration tests: a real socket.io-client connection plus a
 * local replica that applies acks, broadcasts and pulls with the shared merge rule, and an
 * outbox for offline edits. It is deliberately naive about everything else.
 */
export class TestSyncClient {
  readonly broadcasts: ChangesBroadcast[] = [];
  readonly rows = new Map<string, AnyRecord>();
  readonly outbox: Mutation[] = [];
  cursor: string | null = null;
  readonly clock: HybridLogicalClock;
  /** The device id its handshakes name (the change history records it). */
  readonly clientId: string;
  private socket: Socket | null = null;

  constructor(
    readonly url: string,
    public token: string,
    options: TestSyncClientOptions = {},
  ) {
    this.clock = new HybridLogicalClock(randomNodeId(), options.wallClock);
    this.clientId = options.clientId ?? randomUUID();
  }

  static async connected(
    url: string,
    token: string,
    options: TestSyncClientOptions = {},
  ): Promise<TestSyncClient> {
    const client = new TestSyncClient(url, token, options);
    await client.connect();
    return client;
  }

  get online(): boolean {
    return this.socket?.connected ?? false;
  }

  get socketId(): string | undefined {
    return this.socket?.id;
  }

  async connect(): Promise<void> {
    const socket = io(this.url + SYNC_NAMESPACE, {
      auth: { token: this.token, clientId: this.clientId },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.on(SyncEvents.changes, (payload: ChangesBroadcast) => {
      this.broadcasts.push(payload);
      for (const change of payload.changes) this.clock.observe(change.record.updatedAt);
      if (payload.fromCursor === this.cursor) {
        this.applyChanges(payload.changes);
        this.cursor = payload.cursor;
      }
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    this.socket = socket;
  }

  disconnect(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Local edit: applied to the replica and queued; pushed at once when online. */
  mutation(
    modelName: string,
    operation: Operation,
    data: { id: string } & Record<string, unknown>,
    hlc = this.clock.tick(),
  ): Mutation {
    return { mutationId: randomUUID(), modelName, operation, data, hlc };
  }

  async emit<T>(event: string, payload: unknown, timeoutMs = 20_000): Promise<T> {
    if (!this.socket) throw new Error('not connected');
    return (await this.socket.timeout(timeoutMs).emitWithAck(event, payload)) as T;
  }

  async push(mutations: Mutation[]): Promise<PushResponse> {
    this.track(mutations);
    const response = await this.emit<PushResponse>(SyncEvents.push, { mutations });
    if ('results' in response) this.absorbAck(response);
    return response;
  }

  /** Pushes the queued outbox in one batch and clears it. */
  async flush(): Promise<PushResponse> {
    const batch = this.outbox.splice(0, this.outbox.length);
    return this.push(batch);
  }

  async pull(cursor: string | null, limit?: number): Promise<PullResponse> {
    return this.emit<PullResponse>(
      SyncEvents.pull,
      limit === undefined ? { cursor } : { cursor, limit },
    );
  }

  /** Pulls from the stored cursor until there is no more, applying every page. */
  async catchUp(limit?: number): Promise<PullPage[]> {
    const pages: PullPage[] = [];
    for (;;) {
      const page = await this.pull(this.cursor, limit);
      if ('error' in page) throw new Error(`pull failed: ${page.error.code} ${page.error.message}`);
      pages.push(page);
      this.applyChanges(page.changes);
      this.cursor = page.cursor;
      if (!page.hasMore) return pages;
    }
  }

  row(modelName: string, id: string): AnyRecord | undefined {
    return this.rows.get(`${modelName}/${id}`);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private absorbAck(ack: PushAck): void {
    const records = ack.results.filter((r) => r.record).map((r) => r.record as AnyRecord);
    for (const record of records) this.clock.observe(record.updatedAt);
    // Own writes come back in the ack, not as a broadcast.
    const changes: Change[] = [];
    ack.results.forEach((result) => {
      if (result.record) {
        const modelName = this.modelOf(result.mutationId);
        if (modelName) changes.push({ modelName, record: result.record });
      }
    });
    this.applyChanges(changes);
    if (ack.fromCursor === this.cursor) this.cursor = ack.cursor;
  }

  private readonly sentModels = new Map<string, string>();

  private modelOf(mutationId: string): string | undefined {
    return this.sentModels.get(mutationId);
  }

  /** Remembers which model a mutation belongs to so its ack record can be filed. */
  track(mutations: Mutation[]): Mutation[] {
    for (const m of mutations) this.sentModels.set(m.mutationId, m.modelName);
    return mutations;
  }

  applyChanges(changes: Change[]): void {
    for (const { modelName, record } of changes) {
      const entity = findEntity(modelName);
      if (!entity) continue;
      const key = `${modelName}/${record.id}`;
      this.rows.set(key, mergeRecords(this.rows.get(key), record, entity.fieldNames));
    }
  }
}
