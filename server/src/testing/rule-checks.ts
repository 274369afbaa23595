import type { MutationResult, Operation, PushAck, PushResponse } from '@finwise/sync-protocol';
import { openSnapshotter, type DatabaseSnapshot, type Snapshotter } from './database-snapshot';
import type { TestServer, TestSession } from './test-server';
import { TestSyncClient } from './test-sync-client';

/** A row as written and as stored: an id and its fields. */
export type RowData = { id: string } & Record<string, unknown>;

/** A REST call: method, path under `/api`, optional JSON body. */
export interface RestCall {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

/**
 * Writes through both doors of the server, the socket (`sync:push`) and REST, for suites that
 * prove a rule: a refused write is refused with the rule's message and leaves the whole
 * database (every household, the feed, the mutation log) exactly as it was.
 */
export class RuleChecks {
  private constructor(
    readonly server: TestServer,
    readonly session: TestSession,
    readonly client: TestSyncClient,
    private readonly snapshots: Snapshotter,
  ) {}

  /** A new household on `server` with a connected socket client. */
  static async open(server: TestServer): Promise<RuleChecks> {
    const session = await server.signup();
    const client = await TestSyncClient.connected(server.url, session.accessToken);
    return new RuleChecks(server, session, client, await openSnapshotter(server));
  }

  async close(): Promise<void> {
    this.client.disconnect();
    await this.snapshots.close();
  }

  /** Pushes one mutation and returns its result (whatever it is). */
  async push(modelName: string, operation: Operation, data: RowData): Promise<MutationResult> {
    const response = await this.client.push([this.client.mutation(modelName, operation, data)]);
    if (!('results' in response)) throw new Error(`push refused: ${JSON.stringify(response)}`);
    return response.results[0];
  }

  /** Pushes one mutation and expects it applied; returns the stored row. */
  async applied(modelName: string, operation: Operation, data: RowData): Promise<RowData> {
    const result = await this.push(modelName, operation, data);
    expect(result).toMatchObject({ status: 'applied' });
    return result.record as RowData;
  }

  /**
   * Pushes one mutation over the socket: `rejected` with code `validation` and exactly `message`,
   * the feed did not move, and nothing in the database changed.
   */
  async pushRejected(
    modelName: string,
    operation: Operation,
    data: RowData,
    message: string,
  ): Promise<MutationResult> {
    const mutation = this.client.mutation(modelName, operation, data);
    const ack = await this.unchanged(() =>
      this.client.emit<PushResponse>('sync:push', { mutations: [mutation] }),
    );
    const { results, fromCursor, cursor } = ack as PushAck;
    expect(results).toEqual([
      expect.objectContaining({
        mutationId: mutation.mutationId,
        status: 'rejected',
        error: expect.objectContaining({ code: 'validation', message }),
      }),
    ]);
    expect(fromCursor).toBe(cursor);
    return results[0];
  }

  /** A REST write refused with `status` (400 unless said) and exactly `message`; nothing changed. */
  async restRejected(call: RestCall, message: string, status = 400): Promise<void> {
    const response = await this.unchanged(() => this.rest(call));
    expect(response).toMatchObject({ status, body: { statusCode: status, message } });
  }

  /** A REST call with this household's token. */
  rest(call: RestCall): Promise<{ status: number; body: any }> {
    return this.server.request(call.method, call.path, {
      token: this.session.accessToken,
      body: call.body,
    });
  }

  /** The whole database, every household, read past row-level security. */
  snapshot(): Promise<DatabaseSnapshot> {
    return this.snapshots.take();
  }

  /** Runs `action` and expects the whole database to be as it was before. */
  async unchanged<T>(action: () => Promise<T>): Promise<T> {
    const before = await this.snapshots.take();
    const result = await action();
    expect(await this.snapshots.take()).toEqual(before);
    return result;
  }
}
