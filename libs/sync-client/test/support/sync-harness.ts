import { findEntity } from '@finwise/domain';
import {
  applyMutation,
  mergeRecords,
  sameRecord,
  type AnyRecord,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '@finwise/sync-protocol';
import type { ServerProcess, Session } from './server';
import { createSyncClient } from '../../src/lib/create-sync-client';
import { LocalDatabase } from '../../src/lib/database/local-database';
import type { OutboxEntry } from '../../src/lib/outbox/outbox-entry';
import { readMeta } from '../../src/lib/database/meta';
import type { SyncClient, SyncTuning } from '../../src/lib/public-types';
import { newDevice } from './fake-indexeddb';

export type Device = ReturnType<typeof newDevice>;

/** Timings for tests: quick retries, short leases; still the real code paths. */
const TEST_TUNING: Partial<SyncTuning> = {
  backoffBaseMs: 100,
  backoffMaxMs: 1500,
  requestTimeoutMs: 15_000,
  leaderLeaseMs: 1000,
};

/**
 * One signed-in device's tokens, refreshed through the real `/api/auth/refresh` (refresh
 * tokens rotate, so each device keeps its own chain).
 */
export class DeviceTokens {
  refreshCalls = 0;
  getTokenCalls = 0;

  constructor(
    private readonly server: ServerProcess,
    private session: Session,
  ) {}

  get accessToken(): string {
    return this.session.accessToken;
  }

  getToken = (): string => {
    this.getTokenCalls += 1;
    return this.session.accessToken;
  };

  refreshToken = async (): Promise<string> => {
    this.refreshCalls += 1;
    this.session = { ...this.session, ...(await this.server.refresh(this.session.refreshToken)) };
    return this.session.accessToken;
  };
}

export interface DeviceClient {
  client: SyncClient;
  device: Device;
  tokens: DeviceTokens;
}

/** A sync client as an app on its own device (own IndexedDB) would create it. */
export function deviceClient(
  server: ServerProcess,
  tenantId: string,
  session: Session,
  options: { device?: Device; tuning?: Partial<SyncTuning>; url?: string } = {},
): DeviceClient {
  const device = options.device ?? newDevice();
  const tokens = new DeviceTokens(server, session);
  const client = createSyncClient({
    // A load balancer in front of several instances is reached through its own address.
    url: options.url ?? server.url,
    tenantId,
    getToken: tokens.getToken,
    refreshToken: tokens.refreshToken,
    ...device,
    tuning: { ...TEST_TUNING, ...options.tuning },
  });
  return { client, device, tokens };
}

/** The server's whole state (tombstones included) from a fresh HTTP pull, by `<modelName>/<id>`. */
export async function serverState(
  server: ServerProcess,
  token: string,
): Promise<Map<string, AnyRecord>> {
  const rows = new Map<string, AnyRecord>();
  let cursor = '';
  for (;;) {
    const { status, body } = await server.request<PullResponse>(
      'GET',
      `/sync/pull?limit=1000&cursor=${cursor}`,
      { token },
    );
    if (status !== 200 || 'error' in body)
      throw new Error(`pull failed: ${status} ${JSON.stringify(body)}`);
    for (const { modelName, record } of body.changes) {
      const key = `${modelName}/${record.id}`;
      rows.set(key, mergeRecords(rows.get(key), record, findEntity(modelName)?.fieldNames ?? []));
    }
    cursor = body.cursor;
    if (!body.hasMore) return rows;
  }
}

/** Live rows of one model as `GET /api/<modelName>` lists them (all pages). */
export async function restRows(
  server: ServerProcess,
  token: string,
  modelName: string,
): Promise<AnyRecord[]> {
  const items: AnyRecord[] = [];
  let after = '';
  for (;;) {
    const { status, body } = await server.request<{ items: AnyRecord[]; next: string | null }>(
      'GET',
      `/${modelName}?limit=1000${after ? `&after=${after}` : ''}`,
      { token },
    );
    if (status !== 200)
      throw new Error(`GET /${modelName} failed: ${status} ${JSON.stringify(body)}`);
    items.push(...body.items);
    if (!body.next) return items;
    after = body.next;
  }
}

/** `POST /api/sync/push` (the HTTP twin of `sync:push`). */
export async function httpPush(
  server: ServerProcess,
  token: string,
  mutations: Mutation[],
): Promise<PushResponse> {
  const { status, body } = await server.request<PushResponse>('POST', '/sync/push', {
    token,
    body: { mutations },
  });
  if (status !== 200) throw new Error(`push failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Reads a device's persisted outbox directly (what a new engine would find after a crash). */
export async function readOutbox(device: Device, tenantId: string): Promise<OutboxEntry[]> {
  const db = new LocalDatabase(tenantId, device);
  try {
    return await db.outbox.orderBy('seq').toArray();
  } finally {
    db.close();
  }
}

/** Every row a device holds, tombstones included, by `<modelName>/<id>`. */
export async function localState(
  device: Device,
  tenantId: string,
): Promise<Map<string, AnyRecord>> {
  const db = new LocalDatabase(tenantId, device);
  try {
    const rows = new Map<string, AnyRecord>();
    for (const table of db.entityTables()) {
      for (const row of await table.toArray()) rows.set(`${table.name}/${row.id}`, row);
    }
    return rows;
  } finally {
    db.close();
  }
}

/** Rows without the server-only `createdAt`, for comparing with predictions. */
export function withoutCreatedAt(rows: Map<string, AnyRecord>): Map<string, AnyRecord> {
  return new Map(
    [...rows].map(([key, { createdAt: _createdAt, ...rest }]) => [key, rest as AnyRecord]),
  );
}

/** A small deterministic PRNG, so a failing run can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Same keys and, per key, the same row (field order does not matter). */
export function sameRows(a: Map<string, AnyRecord>, b: Map<string, AnyRecord>): boolean {
  return a.size === b.size && [...a].every(([key, row]) => sameRecord(row, b.get(key)));
}

/** The HLC node id a device stamps its changes with. */
export async function nodeIdOf(device: Device, tenantId: string): Promise<string> {
  const db = new LocalDatabase(tenantId, device);
  try {
    return (await readMeta(db, 'nodeId')) as string;
  } finally {
    db.close();
  }
}

/**
 * The rows a server ends with after applying `entries` once each, in order (what an outbox
 * drained exactly once produces), without `createdAt`.
 */
export function predictedRows(
  entries: readonly OutboxEntry[],
  tenantId: string,
): Map<string, AnyRecord> {
  const rows = new Map<string, AnyRecord>();
  for (const { mutation, complete } of entries) {
    const key = `${mutation.modelName}/${mutation.data.id}`;
    const entity = findEntity(mutation.modelName);
    if (!entity) throw new Error(`unknown model ${mutation.modelName}`);
    const outcome = applyMutation(rows.get(key), mutation, entity.fieldNames, {
      updateMayCreate: complete,
    });
    if (outcome.status === 'applied') rows.set(key, { ...outcome.record, tenantId });
  }
  return withoutCreatedAt(rows);
}

/** Every distinct value `pendingCount` takes from now on, in order. */
export function recordPendingCounts(client: SyncClient): number[] {
  const seen: number[] = [];
  client.onStatus(({ pendingCount }) => {
    if (seen.at(-1) !== pendingCount) seen.push(pendingCount);
  });
  return seen;
}
